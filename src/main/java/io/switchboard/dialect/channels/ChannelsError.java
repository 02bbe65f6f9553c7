package io.switchboard.dialect.channels;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An error answer of the Channels API. Its shape is not published (FORMATS.md §4.4), so this is the one the sandbox
 * uses and {@link ChannelsCarrierResponses} reads leniently: a {@code code}, a {@code message}, and field
 * {@code details}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChannelsError(String code, String message, List<Detail> details) {

    public record Detail(String field, String message) {
    }
}

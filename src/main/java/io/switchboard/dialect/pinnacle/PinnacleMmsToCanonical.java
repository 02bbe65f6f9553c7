package io.switchboard.dialect.pinnacle;

import io.switchboard.model.FailoverPlan;
import io.switchboard.model.Message;
import io.switchboard.model.MmsContent;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.spi.DataTypeTransformer;
import org.springframework.stereotype.Component;

/**
 * {@code pinnacle:mms} (one validated part of a {@link PinnacleWire.MmsSend}, see {@link MmsParts}) to
 * {@code canonical:message}. {@code options.multiple_messages} and {@code options.validate} have no canonical field
 * and are kept as {@code pinnacle.*} metadata.
 */
@Component
@DataTypeTransformer(fromType = "pinnacle:mms", toType = "canonical:message",
        description = "A Pinnacle POST /messages/send/mms body (one part of it) to a canonical message")
public class PinnacleMmsToCanonical extends PinnacleToCanonical<PinnacleWire.MmsSend> {

    static final String MULTIPLE_MESSAGES = "pinnacle.multiple_messages";

    public PinnacleMmsToCanonical(Clock clock) {
        super(PinnacleWire.MmsSend.class, clock);
    }

    @Override
    public Message toCanonical(PinnacleWire.MmsSend request, String tenantId, Instant acceptedAt) {
        PinnacleWire.MmsOptions options = request.options();
        Map<String, String> metadata = new LinkedHashMap<>();
        if (options != null) {
            putIfPresent(metadata, MULTIPLE_MESSAGES, options.multipleMessages());
            putIfPresent(metadata, VALIDATE, options.validate());
        }
        MmsContent content = new MmsContent(request.text(), null,
                request.mediaUrls().stream().map(URI::create).toList());
        return message(tenantId, request.from(), request.to(), content, FailoverPlan.none(), options, metadata,
                acceptedAt);
    }
}

package io.switchboard.model;

import java.util.List;

/**
 * A message the carrier renders from a template it stores (a Bird Channels "studio" template): the hub sends only
 * the template's coordinates and the values of its parameters. Only a Channels carrier can send it; no client dialect
 * produces it today.
 *
 * @param projectId  the carrier's id of the template project
 * @param version    the template version, or {@code latest}
 * @param locale     the template's language, such as {@code en}
 * @param parameters the values the template's placeholders take, in order
 */
public record TemplateContent(String projectId, String version, String locale, List<Parameter> parameters)
        implements Content {

    public TemplateContent {
        parameters = Lists.immutable(parameters);
    }

    /** Text templates go out as SMS, so that is the channel such a message is sent on. */
    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    /** One placeholder's value. */
    public record Parameter(String key, String value) {
    }
}

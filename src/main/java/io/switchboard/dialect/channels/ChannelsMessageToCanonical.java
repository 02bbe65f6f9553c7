package io.switchboard.dialect.channels;

import io.switchboard.camel.Variables;
import io.switchboard.intake.RequestToCanonical;
import io.switchboard.model.Content;
import io.switchboard.model.Dialect;
import io.switchboard.model.Ids;
import io.switchboard.model.Message;
import io.switchboard.model.MmsContent;
import io.switchboard.model.SmsContent;
import io.switchboard.model.TemplateContent;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.camel.spi.DataTypeTransformer;
import org.springframework.stereotype.Component;

/**
 * {@code channels:message} to {@code canonical:message}: reads a Channels send request back into the canonical model,
 * so the mapping can be checked both ways. A {@code text} body is SMS, an {@code image} or {@code file} body MMS (its
 * {@code title} the subject), a {@code template} template content. A Channels request names no sender (the channel
 * sends), so the message has none.
 *
 * <p>Needs from the exchange: the variable {@value Variables#TENANT}.
 */
@Component
@DataTypeTransformer(fromType = "channels:message", toType = "canonical:message",
        description = "A Bird Channels API request to a canonical message")
public class ChannelsMessageToCanonical extends RequestToCanonical<ChannelsMessage> {

    public ChannelsMessageToCanonical(Clock clock) {
        super(ChannelsMessage.class, clock);
    }

    @Override
    public Message toCanonical(ChannelsMessage request, String tenantId, Instant acceptedAt) {
        return new Message(Ids.messageId(), tenantId, Dialect.CHANNELS, null, null, recipient(request),
                content(request), null, null, null, null, Map.of(), acceptedAt);
    }

    private static String recipient(ChannelsMessage request) {
        List<ChannelsMessage.Contact> contacts = request.receiver() == null ? List.of()
                : request.receiver().contacts();
        if (contacts == null || contacts.isEmpty()) {
            throw new IllegalArgumentException("A Channels request needs a receiver contact");
        }
        return contacts.get(0).identifierValue();
    }

    private static Content content(ChannelsMessage request) {
        if (request.template() != null) {
            ChannelsMessage.Template template = request.template();
            List<ChannelsMessage.Parameter> parameters = template.parameters() == null ? List.of()
                    : template.parameters();
            return new TemplateContent(template.projectId(), template.version(), template.locale(),
                    parameters.stream().map(p -> new TemplateContent.Parameter(p.key(), p.value())).toList());
        }
        ChannelsMessage.Body body = request.body();
        if (body == null || body.type() == null) {
            throw new IllegalArgumentException("A Channels request needs a body or a template");
        }
        return switch (body.type()) {
            case ChannelsMessage.Body.TEXT -> new SmsContent(body.text().text());
            case ChannelsMessage.Body.IMAGE -> new MmsContent(body.image().text(), body.image().title(),
                    body.image().images().stream().map(image -> URI.create(image.mediaUrl())).toList());
            case ChannelsMessage.Body.FILE -> new MmsContent(body.file().text(), body.file().title(),
                    body.file().files().stream().map(file -> URI.create(file.mediaUrl())).toList());
            default -> throw new IllegalArgumentException("Unknown Channels body type '" + body.type() + "'");
        };
    }
}

package io.switchboard.dialect.channels;

import io.switchboard.camel.Variables;
import io.switchboard.model.Content;
import io.switchboard.model.Media;
import io.switchboard.model.MediaContent;
import io.switchboard.model.MediaTypes;
import io.switchboard.model.Message;
import io.switchboard.model.MmsContent;
import io.switchboard.model.SmsContent;
import io.switchboard.model.TemplateContent;
import io.switchboard.store.Leg;
import io.switchboard.transcode.MmsTranscoder;
import io.switchboard.transcode.RcsTranscoder;
import java.util.List;
import org.apache.camel.spi.DataType;
import org.apache.camel.spi.DataTypeTransformer;
import org.apache.camel.spi.Transformer;
import org.springframework.stereotype.Component;

/**
 * {@code canonical:message} to {@code channels:message}, the request a Bird Channels carrier gets.
 *
 * <p>SMS becomes a {@code text} body; media whose files are all pictures an {@code image} body, any other media a
 * {@code file} body, each with at most {@value RcsTranscoder#MAX_MMS_MEDIA} files and the text and subject beside
 * them; template content a {@code template}. RCS content (which the dispatch has already transcoded when it reaches a
 * Channels carrier) is transcoded the same way here. Needs from the exchange: the variable {@value Variables#LEG},
 * whose id goes into {@code reference}.
 */
@Component
@DataTypeTransformer(name = "channels:message", description = "A canonical message to a Bird Channels API request")
public class CanonicalToChannelsMessage extends Transformer {

    /** The only parameter type the hub sends: canonical parameters are text. */
    static final String STRING_PARAMETER = "string";

    @Override
    public void transform(org.apache.camel.Message message, DataType from, DataType to) {
        Leg leg = message.getExchange().getVariable(Variables.LEG, Leg.class);
        message.setBody(toChannels(message.getBody(Message.class)).withReference(leg.legId()));
    }

    /** The request for the message, without a reference: the route adds the leg's. */
    public ChannelsMessage toChannels(Message message) {
        ChannelsMessage.Receiver receiver = ChannelsMessage.Receiver.phoneNumber(message.recipient());
        Content content = message.content();
        if (content instanceof TemplateContent template) {
            return new ChannelsMessage(receiver, null, template(template), null);
        }
        return new ChannelsMessage(receiver, body(content), null, null);
    }

    private static ChannelsMessage.Body body(Content content) {
        if (content instanceof SmsContent sms) {
            return ChannelsMessage.Body.text(sms.text());
        }
        if (content instanceof MmsContent mms && mms.mediaUrls().isEmpty()) {
            return body(MmsTranscoder.toSms(mms));
        }
        if (content instanceof MmsContent mms) {
            List<Media> media = mms.mediaUrls().stream().limit(RcsTranscoder.MAX_MMS_MEDIA).map(Media::of).toList();
            return media(media, mms.text(), mms.subject());
        }
        if (content instanceof MediaContent rcsMedia) {
            return media(List.of(rcsMedia.media()), null, null);
        }
        return body(RcsTranscoder.transcode(content, true));
    }

    private static ChannelsMessage.Body media(List<Media> media, String text, String title) {
        if (media.stream().allMatch(file -> MediaTypes.isImage(contentType(file)))) {
            return ChannelsMessage.Body.image(new ChannelsMessage.Image(
                    media.stream().map(file -> new ChannelsMessage.ImageItem(file.url().toString(), null)).toList(),
                    text, title));
        }
        return ChannelsMessage.Body.file(new ChannelsMessage.File(
                media.stream().map(file -> new ChannelsMessage.FileItem(contentType(file), file.url().toString(),
                        file.fileName())).toList(),
                text, title));
    }

    /** The type the client stated, else the one the URL's extension implies. */
    private static String contentType(Media media) {
        if (media.contentType() != null) {
            return media.contentType();
        }
        return MediaTypes.mms(media.url().toString()).orElse(MediaTypes.UNKNOWN);
    }

    private static ChannelsMessage.Template template(TemplateContent template) {
        return new ChannelsMessage.Template(template.projectId(), template.version(), template.locale(),
                template.parameters().stream()
                        .map(parameter -> new ChannelsMessage.Parameter(STRING_PARAMETER, parameter.key(),
                                parameter.value()))
                        .toList());
    }
}

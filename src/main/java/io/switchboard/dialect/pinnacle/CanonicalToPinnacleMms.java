package io.switchboard.dialect.pinnacle;

import io.switchboard.carrier.CarrierConnector;
import io.switchboard.model.Message;
import io.switchboard.model.MmsContent;
import java.net.URI;
import java.util.Map;
import org.apache.camel.spi.DataTypeTransformer;
import org.springframework.stereotype.Component;

/**
 * {@code canonical:message} with MMS content to {@code pinnacle:mms}, the {@code POST /messages/send/mms} body.
 * Pinnacle has no MMS subject, and requires text on a send: an MMS without text sends its subject as the text
 * (else an empty text), and the subject is otherwise not sent.
 */
@Component
@DataTypeTransformer(name = "pinnacle:mms", description = "A canonical MMS to a Pinnacle carrier request")
public class CanonicalToPinnacleMms extends CanonicalToPinnacle {

    @Override
    Object write(Message message, CarrierConnector carrier) {
        return toMms(message, phoneSender(message, carrier));
    }

    /** The request from the message's own sender. */
    public PinnacleWire.MmsSend toMms(Message message) {
        return toMms(message, message.sender());
    }

    /** @throws IllegalArgumentException for content other than MMS */
    public PinnacleWire.MmsSend toMms(Message message, String from) {
        if (!(message.content() instanceof MmsContent mms)) {
            throw new IllegalArgumentException("pinnacle:mms writes MMS content only, not " + message.content());
        }
        String text = mms.text() != null ? mms.text() : mms.subject() != null ? mms.subject() : "";
        return new PinnacleWire.MmsSend(from, message.recipient(), text,
                mms.mediaUrls().stream().map(URI::toString).toList(), options(message.metadata()));
    }

    private static PinnacleWire.MmsOptions options(Map<String, String> metadata) {
        Boolean multipleMessages = flag(metadata, PinnacleMmsToCanonical.MULTIPLE_MESSAGES);
        Boolean validate = flag(metadata, PinnacleToCanonical.VALIDATE);
        String tracking = metadata.get(PinnacleToCanonical.TRACKING);
        if (multipleMessages == null && validate == null && tracking == null) {
            return null;
        }
        return new PinnacleWire.MmsOptions(multipleMessages, validate, null, tracking);
    }
}

package io.switchboard.dialect.pinnacle;

import io.switchboard.carrier.CarrierConnector;
import io.switchboard.model.Message;
import io.switchboard.model.SmsContent;
import org.apache.camel.spi.DataTypeTransformer;
import org.springframework.stereotype.Component;

/** {@code canonical:message} with SMS content to {@code pinnacle:sms}, the {@code POST /messages/send/sms} body. */
@Component
@DataTypeTransformer(name = "pinnacle:sms", description = "A canonical SMS to a Pinnacle carrier request")
public class CanonicalToPinnacleSms extends CanonicalToPinnacle {

    @Override
    Object write(Message message, CarrierConnector carrier) {
        return toSms(message, phoneSender(message, carrier));
    }

    /** The request from the message's own sender. */
    public PinnacleWire.SmsSend toSms(Message message) {
        return toSms(message, message.sender());
    }

    /**
     * @throws IllegalArgumentException for content other than SMS, such as a template, which Pinnacle cannot carry
     */
    public PinnacleWire.SmsSend toSms(Message message, String from) {
        if (!(message.content() instanceof SmsContent sms)) {
            throw new IllegalArgumentException("pinnacle:sms writes SMS content only, not " + message.content());
        }
        String tracking = message.metadata().get(PinnacleToCanonical.TRACKING);
        return new PinnacleWire.SmsSend(from, message.recipient(), sms.text(),
                tracking == null ? null : new PinnacleWire.SmsOptions(null, tracking));
    }
}

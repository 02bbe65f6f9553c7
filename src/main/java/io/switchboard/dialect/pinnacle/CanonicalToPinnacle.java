package io.switchboard.dialect.pinnacle;

import io.switchboard.api.PhoneNumbers;
import io.switchboard.camel.Variables;
import io.switchboard.carrier.CarrierConnector;
import io.switchboard.model.Message;
import java.util.Map;
import org.apache.camel.spi.DataType;
import org.apache.camel.spi.Transformer;

/**
 * What the three writers of Pinnacle carrier requests ({@code pinnacle:sms}, {@code pinnacle:mms},
 * {@code pinnacle:rcs}) share: the exchange they read, the sender, and the {@code pinnacle.*} metadata a Pinnacle
 * client gave, which goes back into the request's {@code options}. The hub holds schedules and runs failover itself,
 * so no request carries {@code options.schedule} or {@code fallback}.
 *
 * <p>Needs from the exchange: the variable {@value Variables#CARRIER}, whose {@code agent-id} sends RCS and whose
 * {@code sms-sender} sends SMS and MMS when the message's own sender is not of the kind Pinnacle takes (an
 * {@code agent_…} id for RCS, an E.164 number for SMS and MMS).
 */
abstract class CanonicalToPinnacle extends Transformer {

    @Override
    public void transform(org.apache.camel.Message message, DataType from, DataType to) {
        CarrierConnector carrier = message.getExchange().getVariable(Variables.CARRIER, CarrierConnector.class);
        message.setBody(write(message.getBody(Message.class), carrier));
    }

    abstract Object write(Message message, CarrierConnector carrier);

    /** The message's number when it is one, else the carrier's SMS number. */
    static String phoneSender(Message message, CarrierConnector carrier) {
        return PhoneNumbers.isE164(message.sender()) || carrier.smsSender() == null ? message.sender()
                : carrier.smsSender();
    }

    static Boolean flag(Map<String, String> metadata, String key) {
        String value = metadata.get(key);
        return value == null ? null : Boolean.valueOf(value);
    }
}

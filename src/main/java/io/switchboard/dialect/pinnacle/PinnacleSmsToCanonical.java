package io.switchboard.dialect.pinnacle;

import io.switchboard.model.FailoverPlan;
import io.switchboard.model.Message;
import io.switchboard.model.SmsContent;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.apache.camel.spi.DataTypeTransformer;
import org.springframework.stereotype.Component;

/** {@code pinnacle:sms} (a validated {@link PinnacleWire.SmsSend}) to {@code canonical:message}. */
@Component
@DataTypeTransformer(fromType = "pinnacle:sms", toType = "canonical:message",
        description = "A Pinnacle POST /messages/send/sms body to a canonical message")
public class PinnacleSmsToCanonical extends PinnacleToCanonical<PinnacleWire.SmsSend> {

    public PinnacleSmsToCanonical(Clock clock) {
        super(PinnacleWire.SmsSend.class, clock);
    }

    @Override
    public Message toCanonical(PinnacleWire.SmsSend request, String tenantId, Instant acceptedAt) {
        return message(tenantId, request.from(), request.to(), new SmsContent(request.text()), FailoverPlan.none(),
                request.options(), Map.of(), acceptedAt);
    }
}

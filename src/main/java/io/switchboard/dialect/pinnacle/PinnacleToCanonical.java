package io.switchboard.dialect.pinnacle;

import io.switchboard.camel.Variables;
import io.switchboard.intake.RequestToCanonical;
import io.switchboard.model.Content;
import io.switchboard.model.Dialect;
import io.switchboard.model.FailoverPlan;
import io.switchboard.model.Ids;
import io.switchboard.model.Message;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the three Pinnacle send transformers share: the exchange they read, the message frame, and the schedule.
 *
 * <p>Needs from the exchange: the variable {@value Variables#TENANT} and a validated request as the body. Assigns
 * the hub message id and the acceptance time. A one-off schedule becomes {@link Message#sendAt()}; the recurrence,
 * end date and time zone, which the canonical model has no field for, are kept as {@code pinnacle.schedule.*}
 * metadata (recurring delivery is not implemented yet: a recurring schedule is sent once, at {@code sendAt}).
 *
 * @param <T> the wire record of the send
 */
abstract class PinnacleToCanonical<T> extends RequestToCanonical<T> {

    static final String TRACKING = "pinnacle.tracking";
    static final String VALIDATE = "pinnacle.validate";
    static final String SCHEDULE_TIMEZONE = "pinnacle.schedule.timezone";
    static final String SCHEDULE_RECURRENCE = "pinnacle.schedule.recurrence";
    static final String SCHEDULE_END_DATE = "pinnacle.schedule.endDate";

    PinnacleToCanonical(Class<T> requestType, Clock clock) {
        super(requestType, clock);
    }

    /**
     * The canonical message, with the schedule (if any) applied and added to {@code metadata}.
     *
     * @param metadata the send's own {@code pinnacle.*} details; this method adds the schedule's
     */
    static Message message(String tenantId, String sender, String recipient, Content content, FailoverPlan failover,
            PinnacleWire.SendOptions options, Map<String, String> metadata, Instant acceptedAt) {
        Map<String, String> details = new LinkedHashMap<>(metadata);
        PinnacleWire.Schedule schedule = options == null ? null : options.schedule();
        putIfPresent(details, TRACKING, options == null ? null : options.tracking());
        Instant sendAt = null;
        if (schedule != null && !schedule.isEmpty()) {
            ZoneId zone = PinnacleTimes.zone(schedule.timezone()).orElseThrow();
            sendAt = PinnacleTimes.instant(schedule.sendAt(), zone).orElseThrow();
            details.put(SCHEDULE_TIMEZONE, zone.getId());
            putIfPresent(details, SCHEDULE_RECURRENCE, schedule.recurrence());
            putIfPresent(details, SCHEDULE_END_DATE, schedule.endDate());
        }
        return new Message(Ids.messageId(), tenantId, Dialect.PINNACLE, null, sender, recipient, content, failover,
                null, null, sendAt, details, acceptedAt);
    }

    static void putIfPresent(Map<String, String> metadata, String key, Object value) {
        if (value != null) {
            metadata.put(key, value.toString());
        }
    }
}

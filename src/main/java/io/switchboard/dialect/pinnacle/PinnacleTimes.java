package io.switchboard.dialect.pinnacle;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Times in Pinnacle bodies. Schedules write them without an offset ({@code 2026-01-01T10:00}), local to the
 * schedule's time zone; event buttons write ISO times, whose zone FORMATS.md does not give, so one without an offset
 * is taken as UTC. A time with an offset or {@code Z} is always taken as written.
 */
final class PinnacleTimes {

    static final String DEFAULT_ZONE = "UTC";

    private PinnacleTimes() {
    }

    /** The IANA zone, UTC when none is given; empty when the name is not an IANA zone. */
    static Optional<ZoneId> zone(String timezone) {
        String name = timezone == null ? DEFAULT_ZONE : timezone;
        return ZoneId.getAvailableZoneIds().contains(name) ? Optional.of(ZoneId.of(name)) : Optional.empty();
    }

    /** The moment a schedule time stands for, or empty when it is not an ISO-8601 date-time. */
    static Optional<Instant> instant(String dateTime, ZoneId zone) {
        if (dateTime == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(dateTime).toInstant());
        } catch (DateTimeException withoutOffset) {
            try {
                return Optional.of(LocalDateTime.parse(dateTime).atZone(zone).toInstant());
            } catch (DateTimeException notADateTime) {
                return Optional.empty();
            }
        }
    }

    /** An event button's time, or empty when it is not an ISO-8601 date-time. */
    static Optional<OffsetDateTime> eventTime(String dateTime) {
        return instant(dateTime, ZoneOffset.UTC).map(instant -> {
            try {
                return OffsetDateTime.parse(dateTime);
            } catch (DateTimeException withoutOffset) {
                return instant.atOffset(ZoneOffset.UTC);
            }
        });
    }

    /** The moment as Pinnacle writes it: local to the zone, without an offset, such as {@code 2024-08-01T09:00:00}. */
    static String local(Instant instant, ZoneId zone) {
        return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(instant.atZone(zone));
    }
}

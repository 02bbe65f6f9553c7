package io.switchboard.dialect.pinnacle;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.Set;

/**
 * Times in Pinnacle bodies. Schedules write them without an offset ({@code 2026-01-01T10:00}), local to the
 * schedule's time zone; event buttons write ISO times, whose zone FORMATS.md does not give, so one without an offset
 * is taken as UTC. A time with an offset or {@code Z} is always taken as written.
 */
final class PinnacleTimes {

    static final String DEFAULT_ZONE = "UTC";

    /** Read once: {@link ZoneId#getAvailableZoneIds()} builds a new set on every call. */
    private static final Set<String> IANA_ZONES = ZoneId.getAvailableZoneIds();

    private PinnacleTimes() {
    }

    /** The IANA zone, UTC when none is given; empty when the name is not an IANA zone. */
    static Optional<ZoneId> zone(String timezone) {
        String name = timezone == null ? DEFAULT_ZONE : timezone;
        return IANA_ZONES.contains(name) ? Optional.of(ZoneId.of(name)) : Optional.empty();
    }

    /** The moment a schedule time stands for, or empty when it is not an ISO-8601 date-time. */
    static Optional<Instant> instant(String dateTime, ZoneId zone) {
        return parse(dateTime, zone).map(OffsetDateTime::toInstant);
    }

    /** An event button's time, or empty when it is not an ISO-8601 date-time. */
    static Optional<OffsetDateTime> eventTime(String dateTime) {
        return parse(dateTime, ZoneOffset.UTC);
    }

    /** The moment as Pinnacle writes it: local to the zone, without an offset, such as {@code 2024-08-01T09:00:00}. */
    static String local(Instant instant, ZoneId zone) {
        return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(instant.atZone(zone));
    }

    private static Optional<OffsetDateTime> parse(String dateTime, ZoneId zoneOfLocalTimes) {
        if (dateTime == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(dateTime));
        } catch (DateTimeException withoutOffset) {
            try {
                return Optional.of(LocalDateTime.parse(dateTime).atZone(zoneOfLocalTimes).toOffsetDateTime());
            } catch (DateTimeException notADateTime) {
                return Optional.empty();
            }
        }
    }
}

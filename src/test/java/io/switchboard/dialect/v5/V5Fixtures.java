package io.switchboard.dialect.v5;

import java.util.List;

/** The v5 request fixtures the unit and integration tests share, under {@code src/test/resources/fixtures/}. */
public final class V5Fixtures {

    private V5Fixtures() {
    }

    /**
     * Requests the hub accepts: every JSON example of seed 004 (the choice and failover examples inside a minimal
     * message), plus every choice type in one message and a carousel with message-level choices.
     */
    public static List<String> accepted() {
        return List.of("v5/seed/rcs-text.json", "v5/seed/rcs-media.json", "v5/seed/rcs-card.json",
                "v5/seed/rcs-carousel.json", "v5/seed/choice-reply.json", "v5/seed/choice-open-url.json",
                "v5/seed/choice-dial-phone.json", "v5/seed/choice-show-location.json",
                "v5/seed/choice-request-location.json", "v5/seed/choice-create-calendar-event.json",
                "v5/seed/card-choices.json", "v5/seed/sms-failover.json", "v5/seed/mms-failover.json",
                "v5/every-choice-type.json", "v5/carousel-with-message-choices.json");
    }

    /** The error examples of seed 004: {@code <name>.json} is refused with exactly {@code <name>.response.json}. */
    public static List<String> seedErrors() {
        return List.of("v5/seed/error-message-text", "v5/seed/error-choices", "v5/seed/error-carousel-cards");
    }
}

package io.switchboard.dialect.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.carrier.CarrierConnector;
import io.switchboard.carrier.CarrierUnavailableException;
import io.switchboard.model.Dialect;
import io.switchboard.model.Message;
import io.switchboard.model.MmsContent;
import io.switchboard.model.SmsContent;
import io.switchboard.testing.Fixtures;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ChannelCapabilitiesTest {

    private static final Duration TTL = Duration.ofMinutes(10);
    private static final CarrierConnector CARRIER = new CarrierConnector("channels-us", Dialect.CHANNELS,
            ChannelsModule.CARRIER_SIDE.capabilities(),
            "http://127.0.0.1:1", "AccessKey k", "ws", "ch", "key", null, null, Duration.ofSeconds(1),
            Duration.ofSeconds(1), 1, TTL);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    private final Deque<Supplier<Optional<ChannelsChannel>>> answers = new ArrayDeque<>();
    private int lookups;
    private final ChannelCapabilities capabilities = new ChannelCapabilities(carrier -> {
        lookups++;
        return answers.removeFirst().get();
    }, clock);

    private static ChannelsChannel channel(String mmsStatus) {
        return Fixtures.MAPPER.convertValue(Fixtures.MAPPER.createObjectNode().put("id", "ch").set("capabilities",
                Fixtures.MAPPER.createObjectNode().set("messaging", Fixtures.MAPPER.createObjectNode()
                        .set("outgoing", Fixtures.MAPPER.createObjectNode()
                                .set("mms", Fixtures.MAPPER.createObjectNode().put("status", mmsStatus))))),
                ChannelsChannel.class);
    }

    @Test
    void shouldAskTheCarrierOnceAndTrustTheAnswerForTheCarriersTtl() {
        answers.add(() -> Optional.of(channel("active")));
        answers.add(() -> Optional.of(channel("inactive")));

        assertThat(capabilities.sendsMms(CARRIER)).isTrue();
        clock.advance(TTL.minusSeconds(1));
        assertThat(capabilities.sendsMms(CARRIER)).isTrue();
        assertThat(lookups).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        assertThat(capabilities.sendsMms(CARRIER)).isFalse();
        assertThat(lookups).isEqualTo(2);
    }

    @Test
    void shouldNotRememberARefusedLookupNorAFailedOne() {
        answers.add(Optional::empty);
        answers.add(() -> {
            throw new CarrierUnavailableException("HTTP 503");
        });
        answers.add(() -> Optional.of(channel("active")));

        assertThat(capabilities.sendsMms(CARRIER)).isFalse();
        assertThatThrownBy(() -> capabilities.sendsMms(CARRIER)).isInstanceOf(CarrierUnavailableException.class);
        assertThat(capabilities.sendsMms(CARRIER)).isTrue();
        assertThat(lookups).isEqualTo(3);
    }

    @Test
    void shouldSendMmsAsSmsWithLinksThroughAChannelWithoutMms() {
        answers.add(() -> Optional.of(channel("inactive")));
        Message mms = message(new MmsContent("Your parcel", "Order 1042", List.of(URI.create("https://e.com/a.jpg"))));

        Message fitted = capabilities.fit(mms, CARRIER);

        assertThat(fitted.content()).isEqualTo(new SmsContent("Order 1042\nYour parcel\nhttps://e.com/a.jpg"));
        assertThat(fitted.id()).isEqualTo(mms.id());
    }

    @Test
    void shouldSendMmsAsItIsThroughAChannelWithMmsAndNeverAskForSms() {
        answers.add(() -> Optional.of(channel("active")));
        Message mms = message(new MmsContent("Hi", null, List.of(URI.create("https://e.com/a.jpg"))));
        Message sms = message(new SmsContent("Hi"));

        assertThat(capabilities.fit(mms, CARRIER)).isSameAs(mms);
        assertThat(capabilities.fit(sms, CARRIER)).isSameAs(sms);
        assertThat(lookups).isEqualTo(1);
    }

    private static Message message(io.switchboard.model.Content content) {
        return new Message("msg_1", "demo", Dialect.PINNACLE, null, "+14155550100", "+15557300042", content, null,
                null, null, null, null, Instant.EPOCH);
    }

    private static final class MutableClock extends Clock {

        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

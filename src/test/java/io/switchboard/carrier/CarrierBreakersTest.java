package io.switchboard.carrier;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.dialect.v5.V5Module;
import io.switchboard.model.Dialect;
import java.net.ConnectException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CarrierBreakersTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final CarrierBreakers breakers = new CarrierBreakers(
            new BreakerProperties(50, 4, 4, Duration.ofMinutes(1), 1), meters);

    private static CarrierConnector carrier(String id) {
        return new CarrierConnector(id, Dialect.V5, V5Module.CARRIER_SIDE.capabilities(), "http://127.0.0.1:1",
                "Basic x", null, null, null, null, null, Duration.ofSeconds(1), Duration.ofSeconds(1), 1,
                Duration.ofMinutes(1));
    }

    @Test
    void shouldOpenOnPassingFailuresAndKeepCallsAwayFromThatCarrierOnly() {
        CarrierConnector failing = carrier("breakers-test-failing");
        CarrierConnector healthy = carrier("breakers-test-healthy");

        for (int i = 0; i < 2; i++) {
            assertThat(breakers.refuses(failing)).isFalse();
            breakers.answered(failing, CarrierOutcome.retryLater("HTTP 503"), System.nanoTime());
            assertThat(breakers.refuses(failing)).isFalse();
            breakers.unreachable(failing, new ConnectException("refused"), System.nanoTime());
        }

        assertThat(breakers.refuses(failing)).isTrue();
        assertThat(breakers.refuses(healthy)).isFalse();
    }

    @Test
    void shouldCountAnswersThatRefuseTheMessageAsACarrierThatIsUp() {
        CarrierConnector strict = carrier("breakers-test-strict");

        for (int i = 0; i < 6; i++) {
            assertThat(breakers.refuses(strict)).isFalse();
            breakers.answered(strict, CarrierOutcome.refused("invalid destination"), System.nanoTime());
        }

        assertThat(breakers.refuses(strict)).isFalse();
    }

    @Test
    void shouldShowEachBreakersStateAsAMetric() {
        CarrierConnector carrier = carrier("breakers-test-shown");
        breakers.of(carrier).transitionToOpenState();

        assertThat(meters.find("resilience4j.circuitbreaker.state").tag("name", carrier.id()).tag("state", "open")
                .gauge().value()).isEqualTo(1.0);
    }
}

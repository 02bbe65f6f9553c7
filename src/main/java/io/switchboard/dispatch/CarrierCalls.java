package io.switchboard.dispatch;

import io.switchboard.camel.Variables;
import io.switchboard.carrier.CarrierBreakers;
import io.switchboard.carrier.CarrierConnector;
import io.switchboard.carrier.CarrierOutcome;
import io.switchboard.carrier.CarrierUnavailableException;
import io.switchboard.metrics.HubMetrics;
import io.switchboard.metrics.HubMetrics.CarrierSend;
import io.switchboard.store.CarrierCallRecord;
import io.switchboard.store.Leg;
import io.switchboard.store.LegStore;
import io.switchboard.store.PathRecords;
import java.net.ConnectException;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.util.ObjectHelper;
import org.springframework.stereotype.Component;

/**
 * One call to a carrier inside its circuit breaker: the carrier's dialect route ({@code direct:carrier-<dialect>})
 * sends the leg and leaves the carrier's answer in the variable {@code outcome}; the breaker counts the answer, or
 * the failure, with the time the call took, and so do the carrier metrics and the message's path
 * ({@link PathRecords}). The caller asked the breaker for its permission first ({@link CarrierBreakers#refuses}).
 */
@Component("carrierCalls")
public class CarrierCalls {

    private final ProducerTemplate camel;
    private final CarrierBreakers breakers;
    private final LegStore legs;
    private final HubMetrics metrics;
    private final PathRecords path;
    private final Clock clock;

    public CarrierCalls(ProducerTemplate camel, CarrierBreakers breakers, LegStore legs, HubMetrics metrics,
            PathRecords path, Clock clock) {
        this.camel = camel;
        this.breakers = breakers;
        this.legs = legs;
        this.metrics = metrics;
        this.path = path;
        this.clock = clock;
    }

    /**
     * Calls the exchange's carrier about its leg. A call without an answer (a refused connection, a timeout) counts
     * against the carrier and throws {@link CarrierUnavailableException}, which rolls the dispatch back for the
     * broker to retry; a refused connection never reached the carrier, and the leg says so, while a timeout may have
     * (the leg stays in doubt).
     */
    public void call(Exchange exchange) {
        CarrierConnector carrier = exchange.getVariable(Variables.CARRIER, CarrierConnector.class);
        Leg leg = exchange.getVariable(Variables.LEG, Leg.class);
        Instant at = clock.instant();
        long started = System.nanoTime();
        camel.send("direct:carrier-" + carrier.dialect().id(), exchange);
        Exception failure = exchange.getException();
        if (failure == null) {
            CarrierOutcome outcome = exchange.getVariable(Variables.OUTCOME, CarrierOutcome.class);
            breakers.answered(carrier, outcome, started);
            Integer httpStatus = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
            CarrierSend send = sendOf(outcome);
            long took = System.nanoTime() - started;
            metrics.carrierAnswered(carrier.id(), leg.channel(), send, httpStatus == null ? 0 : httpStatus, took);
            path.record(new CarrierCallRecord(leg.messageId(), leg.legNumber(), carrier.id(), at,
                    TimeUnit.NANOSECONDS.toMillis(took), send.word(), httpStatus, outcome.reason()));
            return;
        }
        exchange.setException(null);
        breakers.unreachable(carrier, failure, started);
        long took = System.nanoTime() - started;
        metrics.carrierUnreachable(carrier.id(), leg.channel(), failure, took);
        path.record(new CarrierCallRecord(leg.messageId(), leg.legNumber(), carrier.id(), at,
                TimeUnit.NANOSECONDS.toMillis(took), CarrierSend.FAILED.word(), null, failure.getMessage()));
        if (ObjectHelper.getException(ConnectException.class, failure) != null) {
            legs.legRetrying(leg, failure.getMessage());
        }
        throw new CarrierUnavailableException(carrier.id() + ": " + failure.getMessage(), failure);
    }

    private static CarrierSend sendOf(CarrierOutcome outcome) {
        return switch (outcome.verdict()) {
            case ACCEPTED -> CarrierSend.ACCEPTED;
            case RETRY -> CarrierSend.RETRIED;
            case REFUSED -> CarrierSend.REFUSED;
        };
    }
}

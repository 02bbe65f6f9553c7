package io.switchboard.dispatch;

import io.switchboard.camel.Variables;
import io.switchboard.carrier.CarrierBreakers;
import io.switchboard.carrier.CarrierConnector;
import io.switchboard.carrier.CarrierOutcome;
import io.switchboard.carrier.CarrierUnavailableException;
import io.switchboard.store.Leg;
import io.switchboard.store.LegStore;
import java.net.ConnectException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.util.ObjectHelper;
import org.springframework.stereotype.Component;

/**
 * One call to a carrier inside its circuit breaker: the carrier's dialect route ({@code direct:carrier-<dialect>})
 * sends the leg and leaves the carrier's answer in the variable {@code outcome}; the breaker counts the answer, or
 * the failure, with the time the call took. The caller asked the breaker for its permission first
 * ({@link CarrierBreakers#refuses}).
 */
@Component("carrierCalls")
public class CarrierCalls {

    private final ProducerTemplate camel;
    private final CarrierBreakers breakers;
    private final LegStore legs;

    public CarrierCalls(ProducerTemplate camel, CarrierBreakers breakers, LegStore legs) {
        this.camel = camel;
        this.breakers = breakers;
        this.legs = legs;
    }

    /**
     * Calls the exchange's carrier about its leg. A call without an answer (a refused connection, a timeout) counts
     * against the carrier and throws {@link CarrierUnavailableException}, which rolls the dispatch back for the
     * broker to retry; a refused connection never reached the carrier, and the leg says so, while a timeout may have
     * (the leg stays in doubt).
     */
    public void call(Exchange exchange) {
        CarrierConnector carrier = exchange.getVariable(Variables.CARRIER, CarrierConnector.class);
        long started = System.nanoTime();
        camel.send("direct:carrier-" + carrier.dialect().id(), exchange);
        Exception failure = exchange.getException();
        if (failure == null) {
            breakers.answered(carrier, exchange.getVariable(Variables.OUTCOME, CarrierOutcome.class), started);
            return;
        }
        exchange.setException(null);
        breakers.unreachable(carrier, failure, started);
        if (ObjectHelper.getException(ConnectException.class, failure) != null) {
            legs.legRetrying(exchange.getVariable(Variables.LEG, Leg.class), failure.getMessage());
        }
        throw new CarrierUnavailableException(carrier.id() + ": " + failure.getMessage(), failure);
    }
}

package io.switchboard.intake;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.RuntimeCamelException;
import org.springframework.stereotype.Component;

/**
 * Runs a dialect's HTTP route for a message from the JMS ingress, on an exchange of its own: a refusal that route
 * answers in its dialect's shape then comes back as a result, instead of ending the JMS route (Camel stops a calling
 * route once an error policy handled a failure).
 */
@Component("jmsIngress")
public class JmsIngress {

    private final ProducerTemplate camel;

    public JmsIngress(ProducerTemplate camel) {
        this.camel = camel;
    }

    /**
     * Sends the exchange's body and headers to {@code endpoint} and puts the answer (body and HTTP status) back on it.
     * Failures no error policy answered still fail the JMS route, so the broker redelivers the message.
     */
    public void submit(String endpoint, Exchange exchange) {
        Exchange answer = camel.send(endpoint, request -> {
            request.getMessage().setHeaders(exchange.getMessage().getHeaders());
            request.getMessage().setBody(exchange.getMessage().getBody());
        });
        if (answer.getException() != null) {
            throw RuntimeCamelException.wrapRuntimeCamelException(answer.getException());
        }
        exchange.getMessage().setBody(answer.getMessage().getBody());
        // a route that sets no status answers HTTP's default
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE,
                answer.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 200, Integer.class));
    }
}

package io.switchboard.intake;

import io.switchboard.module.ClientApi;
import io.switchboard.module.DialectModules;
import java.util.Optional;
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

    static final String DIALECT = "SwitchboardDialect";
    static final String ENDPOINT = "SwitchboardEndpoint";
    static final String CREDENTIAL = "SwitchboardCredential";

    private final ProducerTemplate camel;
    private final DialectModules dialects;

    public JmsIngress(ProducerTemplate camel, DialectModules dialects) {
        this.camel = camel;
        this.dialects = dialects;
    }

    /** True when the message names a dialect clients speak, and one of its endpoints where it has several. */
    public boolean knows(Exchange exchange) {
        return route(exchange).isPresent();
    }

    /**
     * Sends the exchange's body and headers, with the credential under the dialect's own header, to the dialect's
     * route, and puts the answer (body and HTTP status) back on it. Failures no error policy answered still fail the
     * JMS route, so the broker redelivers the message.
     */
    public void submit(Exchange exchange) {
        ClientApi api = clientApi(exchange).orElseThrow();
        String endpoint = route(exchange).orElseThrow();
        Exchange answer = camel.send(endpoint, request -> {
            request.getMessage().setHeaders(exchange.getMessage().getHeaders());
            request.getMessage().setHeader(api.credentialHeader(), exchange.getMessage().getHeader(CREDENTIAL));
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

    private Optional<ClientApi> clientApi(Exchange exchange) {
        return dialects.clientApi(exchange.getMessage().getHeader(DIALECT, String.class));
    }

    private Optional<String> route(Exchange exchange) {
        return clientApi(exchange).flatMap(api -> api.ingressRoute(exchange.getMessage().getHeader(ENDPOINT,
                String.class)));
    }
}

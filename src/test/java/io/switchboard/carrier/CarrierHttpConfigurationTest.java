package io.switchboard.carrier;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The carrier-http component never calls a carrier twice by itself: a 429 or 503, with or without Retry-After, is the
 * hub's to retry through the broker, so the carrier gets exactly one request per call.
 */
class CarrierHttpConfigurationTest {

    private final AtomicInteger requests = new AtomicInteger();
    private HttpServer carrier;
    private CamelContext camel;

    @BeforeEach
    void start() throws Exception {
        carrier = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        carrier.createContext("/v5/messages", exchange -> {
            requests.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Retry-After", "0");
            exchange.sendResponseHeaders(Integer.parseInt(exchange.getRequestURI().getQuery().substring(7)), -1);
            exchange.close();
        });
        carrier.start();
        camel = new DefaultCamelContext();
        camel.addComponent(CarrierHttpConfiguration.COMPONENT, new CarrierHttpConfiguration().carrierHttp());
        camel.start();
    }

    @AfterEach
    void stop() {
        camel.stop();
        carrier.stop(0);
    }

    @ParameterizedTest(name = "a carrier answering {0}")
    @ValueSource(ints = {429, 503})
    void shouldCallTheCarrierOnceWhateverItAnswers(int status) {
        ProducerTemplate producer = camel.createProducerTemplate();
        String uri = CarrierHttpConfiguration.COMPONENT + ":http://127.0.0.1:" + carrier.getAddress().getPort()
                + "/v5/messages?answer=" + status + "&throwExceptionOnFailure=false";

        Exchange answer = producer.request(uri, exchange -> {
            exchange.getMessage().setHeader(Exchange.HTTP_METHOD, "POST");
            exchange.getMessage().setBody("{}");
        });

        assertThat(answer.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class)).isEqualTo(status);
        assertThat(requests).hasValue(1);
    }
}

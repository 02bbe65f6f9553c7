package io.switchboard.camel;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.logging.MessageMdc;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/**
 * {@link MessageIdSteps} in a Camel context of its own: which message the MDC names at each step (what a line logged
 * there would carry), and what it names once the exchange is done.
 */
class MessageIdStepsTest {

    private final DefaultCamelContext camel = new DefaultCamelContext();
    /** Each step's note and the message the MDC named as it ran. */
    private final List<Map.Entry<String, String>> named = new CopyOnWriteArrayList<>();
    private ProducerTemplate template;

    @BeforeEach
    void start() throws Exception {
        camel.getCamelContextExtension().addInterceptStrategy(new MessageIdSteps());
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:accept").routeId("accept")
                        .process(note("before"))
                        .setHeader(Headers.MESSAGE_ID, body())
                        .process(note("after"))
                        .to("direct:sub")
                        .process(note("back"));
                from("direct:sub").routeId("sub")
                        .process(note("sub"));
                from("direct:parts").routeId("parts")
                        .split(body())
                            .setHeader(Headers.MESSAGE_ID, body())
                            .process(note("part"))
                        .end()
                        .process(note("whole"));
                from("direct:nested").routeId("nested")
                        .process(note("outer"))
                        .process(exchange -> template.sendBody("direct:accept", "msg_nested"))
                        .process(note("outer again"));
            }
        });
        camel.start();
        template = camel.createProducerTemplate();
    }

    @AfterEach
    void stop() {
        camel.stop();
        MDC.clear();
    }

    private Processor note(String step) {
        return exchange -> named.add(Map.entry(step, String.valueOf(MessageMdc.current())));
    }

    @Test
    void shouldNameTheMessageFromTheStepThatSetsItsIdOnAndForgetItWhenDone() {
        template.sendBody("direct:accept", "msg_01m98c1nzs29692aapsn03egp2");

        String id = "msg_01m98c1nzs29692aapsn03egp2";
        assertThat(named).containsExactly(Map.entry("before", "null"), Map.entry("after", id), Map.entry("sub", id),
                Map.entry("back", id));
        assertThat(MessageMdc.current()).as("after the exchange").isNull();
    }

    /** A JMS consumer's exchange is transacted, which takes another path through Camel's routing engine. */
    @Test
    void shouldNameTheMessageInATransactedExchange() {
        Exchange exchange = new DefaultExchange(camel);
        exchange.getExchangeExtension().setTransacted(true);
        exchange.getMessage().setBody("msg_transacted");

        template.send("direct:accept", exchange);

        assertThat(exchange.isTransacted()).isTrue();
        assertThat(named).containsExactly(Map.entry("before", "null"), Map.entry("after", "msg_transacted"),
                Map.entry("sub", "msg_transacted"), Map.entry("back", "msg_transacted"));
        assertThat(MessageMdc.current()).isNull();
    }

    @Test
    void shouldPutBackTheMessageTheThreadNamedBefore() {
        try (MessageMdc.Scope writer = MessageMdc.about("msg_writer")) {
            template.sendBody("direct:accept", "msg_accepted");

            assertThat(named).as("the exchange's own header names its message, or none")
                    .contains(Map.entry("before", "null"), Map.entry("after", "msg_accepted"));
            assertThat(MessageMdc.current()).isEqualTo("msg_writer");
        }
    }

    @Test
    void shouldNameEachPartOfASplitByItsOwnId() {
        template.sendBody("direct:parts", List.of("msg_a", "msg_b"));

        assertThat(named).containsExactly(Map.entry("part", "msg_a"), Map.entry("part", "msg_b"),
                Map.entry("whole", "null"));
        assertThat(MessageMdc.current()).isNull();
    }

    @Test
    void shouldGiveAnExchangeItsOwnMessageBackAfterANestedOne() {
        template.sendBodyAndHeader("direct:nested", "", Headers.MESSAGE_ID, "msg_outer");

        assertThat(named).containsExactly(Map.entry("outer", "msg_outer"), Map.entry("before", "null"),
                Map.entry("after", "msg_nested"), Map.entry("sub", "msg_nested"), Map.entry("back", "msg_nested"),
                Map.entry("outer again", "msg_outer"));
        assertThat(MessageMdc.current()).isNull();
    }

    @Test
    void shouldNameNoMessageForAHeaderThatIsNoHubMessageId() {
        template.sendBody("direct:accept", "msg_x\n2026-12-07 ERROR a forged line");

        assertThat(named).extracting(Map.Entry::getValue).containsOnly("null");
    }
}

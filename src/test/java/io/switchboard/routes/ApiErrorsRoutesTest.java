package io.switchboard.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.switchboard.api.FieldError;
import io.switchboard.api.FieldPath;
import io.switchboard.api.InvalidRequestException;
import io.switchboard.api.NotFoundException;
import io.switchboard.model.DeliveryEvent;
import io.switchboard.model.Dialect;
import io.switchboard.model.EventType;
import io.switchboard.pricing.Prices;
import io.switchboard.tenant.Tenant;
import io.switchboard.tenant.TenantProperties;
import io.switchboard.testing.ApiPolicyBeans;
import io.switchboard.testing.ExampleMessages;
import io.switchboard.testing.Fixtures;
import io.switchboard.testing.RouteFileTest;
import io.switchboard.web.ApiErrors;
import io.switchboard.webhook.WebhookDelivery;
import io.switchboard.webhook.WebhookEndpointProperties;
import io.switchboard.webhook.WebhookEndpointUnavailableException;
import io.switchboard.webhook.WebhookEndpoints;
import jakarta.jms.JMSException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.activemq.artemis.jms.client.ActiveMQQueue;
import org.apache.camel.Exchange;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * routes/api-errors.camel.yaml alone, through small routes the test adds that opt into its policies and fail as each
 * test says: {@code api} answers a refusal in the shape of the route's group (v1, v5, pinnacle, callbacks) with its
 * status, a broker or database out of reach with 503 and Retry-After, anything else with a 500 that keeps its cause to
 * the log; {@code client-admission} admits the caller by its dialect's credential and request rate before the first
 * step; {@code dispatch-consumer} rolls an attempt back and dead-letters and fails the message on the last one;
 * {@code inside-broker-consumer} leaves a failure to its caller; {@code broker-consumer} rolls back, quietly for a
 * webhook delivery held back. The dead-letter queue and the event broadcast are mocks, the failed event is scripted;
 * admission, refusals and error shapes are the hub's own beans, as config/ sets them up.
 */
class ApiErrorsRoutesTest extends RouteFileTest {

    private static final String LIMITED_KEY = "Bearer sk_limited_v1";
    private static final ExampleMessages.Credentials DEMO = ExampleMessages.Credentials.DEMO;

    private final Duration retryAfter = configuration("switchboard.api.retry-after", Duration.class);
    private final int attempts = configuration("switchboard.broker.dispatch-retry.attempts", Integer.class);
    private final String deadLetters = "mock:jms:queue:" + configuration("switchboard.broker.dead-letters",
            String.class);
    private final ScriptedEvents events = new ScriptedEvents();
    private final List<Tenant> admitted = new ArrayList<>();
    private final List<Runnable> loggersToRestore = new ArrayList<>();
    private Exception failure;

    @Override
    protected String routeFile() {
        return "api-errors.camel.yaml";
    }

    @Override
    protected Map<String, Object> beans() {
        TenantProperties configured = configuration("switchboard", TenantProperties.class);
        List<TenantProperties.TenantConfig> tenants = new ArrayList<>(configured.tenants());
        tenants.add(new TenantProperties.TenantConfig("limited", "A tenant of one request a second", 1,
                LIMITED_KEY.substring("Bearer ".length()), null, null, null));
        return ApiPolicyBeans.of(new TenantProperties(tenants, configured.rateLimit()),
                configuration("switchboard.pricing", Prices.class), retryAfter)
                .with(Map.of("deliveryEvents", events));
    }

    @Override
    protected void advise() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                for (String dialect : List.of("v1", "v5", "pinnacle")) {
                    from("direct:" + dialect).routeId(dialect).group(dialect)
                            .routeConfigurationId("api,client-admission").process(ApiErrorsRoutesTest.this::step);
                }
                from("direct:callbacks").routeId("callbacks").group("callbacks").routeConfigurationId("api")
                        .process(ApiErrorsRoutesTest.this::step);
                from("direct:dispatch").routeId("dispatch").routeConfigurationId("dispatch-consumer")
                        .process(ApiErrorsRoutesTest.this::step);
                from("direct:dispatch-calling").routeId("dispatch-calling").routeConfigurationId("dispatch-consumer")
                        .to("direct:inside");
                from("direct:inside").routeId("inside").routeConfigurationId("inside-broker-consumer")
                        .process(ApiErrorsRoutesTest.this::step);
                from("direct:broker").routeId("broker").routeConfigurationId("broker-consumer")
                        .process(ApiErrorsRoutesTest.this::step);
            }
        });
        for (String consumer : List.of("dispatch", "dispatch-calling")) {
            AdviceWith.adviceWith(context, consumer,
                    route -> route.mockEndpointsAndSkip("jms:*", "direct:broadcast-event"));
        }
    }

    /** A route's one step: it notes the tenant admitted, changes the body, and fails as the test says. */
    private void step(Exchange exchange) throws Exception {
        admitted.add(exchange.getVariable("tenant", Tenant.class));
        exchange.getMessage().setBody("changed by the route");
        if (failure != null) {
            throw failure;
        }
    }

    static Stream<Arguments> everyApiGroupWithItsShapeOfNotFound() {
        return Stream.of(
                Arguments.of("v1", "{\"error\": \"not_found\", \"message\": \"No message msg_9.\", \"details\": []}"),
                Arguments.of("v5", "{\"status\": \"error\", \"message\": \"No message msg_9.\", \"data\": []}"),
                Arguments.of("pinnacle", "{\"error\": \"No message msg_9.\"}"),
                Arguments.of("callbacks", "{\"error\": \"not_found\", \"message\": \"No message msg_9.\"}"));
    }

    @ParameterizedTest
    @MethodSource("everyApiGroupWithItsShapeOfNotFound")
    void shouldAnswerARefusalWithItsStatusInTheShapeOfTheRoutesGroup(String group, String shape) throws Exception {
        failure = new NotFoundException("No message msg_9.");

        Exchange answer = call(group);

        assertThat(answer.getException()).isNull();
        assertThat(status(answer)).isEqualTo(404);
        assertThat(answer.getMessage().getHeader("Retry-After")).isNull();
        assertThat(json(answer)).isEqualTo(Fixtures.MAPPER.readTree(shape));
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1", "v5", "pinnacle", "callbacks"})
    void shouldAnswerAnyOtherFailureWith500InTheGroupsShapeKeepingItsCauseToTheLog(String group) throws Exception {
        failure = new IllegalStateException("the secret behind it");
        List<ILoggingEvent> logged = logOf("io.switchboard.api." + group);

        Exchange answer = call(group);

        assertThat(answer.getException()).isNull();
        assertThat(status(answer)).isEqualTo(500);
        assertThat(body(answer)).doesNotContain("secret");
        assertThat(logged).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.ERROR);
            assertThat(event.getFormattedMessage()).contains("the secret behind it");
        });
        ApiErrors shapes = context.getRegistry().lookupByNameAndType("apiErrors", ApiErrors.class);
        assertThat(json(answer)).isEqualTo(Fixtures.MAPPER.readTree(
                Fixtures.MAPPER.writeValueAsBytes(shapes.internalError(group))));
    }

    @Test
    void shouldFindTheRefusalInsideTheFailureCamelWrappedItIn() {
        failure = new RuntimeCamelException(new InvalidRequestException(List.of(
                new FieldError(FieldPath.of("to"), "is required"))));

        Exchange answer = call("v1");

        assertThat(status(answer)).isEqualTo(400);
        assertThat(json(answer).path("details").findValuesAsText("field")).containsExactly("to");
    }

    @Test
    void shouldAskForARetryLaterWhenTheBrokerIsOutOfReach() {
        failure = new JMSException("AMQ219010: Connection is destroyed");

        Exchange answer = call("v1");

        assertThat(status(answer)).isEqualTo(503);
        assertThat(answer.getMessage().getHeader("Retry-After", String.class))
                .isEqualTo(String.valueOf(retryAfter.toSeconds()));
        assertThat(json(answer).path("error").asText()).isEqualTo("service_unavailable");
        assertThat(json(answer).path("retry_after").asLong()).isEqualTo(retryAfter.toSeconds());
    }

    @Test
    void shouldAskForARetryLaterWhenTheDatabaseIsOutOfReachDeepInTheCauses() {
        failure = new RuntimeCamelException(new IllegalStateException("commit failed",
                new DataAccessResourceFailureException("connection refused")));

        Exchange answer = call("pinnacle");

        assertThat(status(answer)).isEqualTo(503);
        assertThat(answer.getMessage().getHeader("Retry-After", String.class))
                .isEqualTo(String.valueOf(retryAfter.toSeconds()));
        assertThat(json(answer).path("error").asText()).startsWith("The hub cannot reach its database");
    }

    @Test
    void shouldAdmitTheCallerBeforeTheFirstStepAndKeepItsTenant() {
        Exchange answer = call("v5");

        assertThat(answer.getException()).isNull();
        assertThat(answer.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isNull();
        assertThat(admitted).containsExactly(new Tenant("demo", "Demo tenant"));
    }

    @Test
    void shouldRefuseACallerItCannotAdmitBeforeAnyStep() {
        Exchange answer = template.send("direct:pinnacle",
                exchange -> exchange.getMessage().setHeader("PINNACLE-API-KEY", "sk_nobody"));

        assertThat(status(answer)).isEqualTo(401);
        assertThat(json(answer).path("error").asText()).isEqualTo("Invalid API key.");
        assertThat(admitted).isEmpty();
    }

    @Test
    void shouldRefuseACallerOverItsRequestRateSayingWhenToRetry() {
        Exchange first = template.send("direct:v1", exchange -> exchange.getMessage().setHeader("Authorization",
                LIMITED_KEY));
        Exchange second = template.send("direct:v1", exchange -> exchange.getMessage().setHeader("Authorization",
                LIMITED_KEY));

        assertThat(first.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isNull();
        assertThat(status(second)).isEqualTo(429);
        assertThat(second.getMessage().getHeader("Retry-After", String.class)).isEqualTo("1");
        assertThat(json(second).path("error").asText()).isEqualTo("rate_limited");
        assertThat(admitted).hasSize(1);
    }

    @Test
    void shouldRollADispatchAttemptBackToTheBrokerBeforeTheLast() throws Exception {
        failure = new IllegalStateException("carrier lost");
        getMockEndpoint(deadLetters).expectedMessageCount(0);
        getMockEndpoint("mock:direct:broadcast-event").expectedMessageCount(0);

        Exchange attempt = deliver("direct:dispatch", attempts - 1);

        assertThat(attempt.getException()).isSameAs(failure);
        MockEndpoint.assertIsSatisfied(context);
    }

    @Test
    void shouldDeadLetterTheOriginalMessageWithItsReasonAndFailItOnTheLastAttempt() throws Exception {
        failure = new IllegalStateException("carrier lost");
        events.failed = new DeliveryEvent("evt_1", EventType.FAILED, Instant.EPOCH, "msg_1", "demo", null, null,
                null, "retries exhausted", null);
        MockEndpoint deadLettered = getMockEndpoint(deadLetters);
        deadLettered.expectedBodiesReceived("the message as it came");
        deadLettered.expectedHeaderReceived("SwitchboardDeadLetterReason", "carrier lost");
        deadLettered.expectedHeaderReceived("SwitchboardOriginalQueue", "switchboard.outbound");
        getMockEndpoint("mock:direct:broadcast-event").expectedBodiesReceived(events.failed);

        Exchange attempt = deliver("direct:dispatch", attempts);

        assertThat(attempt.getException()).isNull();
        MockEndpoint.assertIsSatisfied(context);
        assertThat(events.asked).containsExactly("msg_1: carrier lost");
    }

    @Test
    void shouldDeadLetterAMessageItKnowsNothingOfWithoutAnEvent() throws Exception {
        failure = new IllegalStateException("not a message");
        getMockEndpoint(deadLetters).expectedMessageCount(1);
        getMockEndpoint("mock:direct:broadcast-event").expectedMessageCount(0);

        Exchange attempt = deliver("direct:dispatch", attempts);

        assertThat(attempt.getException()).isNull();
        MockEndpoint.assertIsSatisfied(context);
    }

    @Test
    void shouldLeaveAFailureInsideABrokerConsumerToThatConsumersPolicy() throws Exception {
        failure = new IllegalStateException("carrier lost");
        MockEndpoint deadLettered = getMockEndpoint(deadLetters);
        deadLettered.expectedHeaderReceived("SwitchboardDeadLetterReason", "carrier lost");

        Exchange attempt = deliver("direct:dispatch-calling", attempts);

        assertThat(attempt.getException()).isNull();
        deadLettered.assertIsSatisfied();
    }

    @Test
    void shouldRollAFailedDeliveryBackToTheBrokerWithAWarning() {
        failure = new IllegalStateException("subscriber answered 500");
        List<ILoggingEvent> logged = logOf("io.switchboard.broker");

        Exchange attempt = deliver("direct:broker", 3);

        assertThat(attempt.getException()).isSameAs(failure);
        assertThat(logged).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage()).contains("attempt 3 for msg_1 failed", "subscriber answered 500");
        });
    }

    @Test
    void shouldRollAWebhookDeliveryHeldBackByItsEndpointBackQuietly() throws Exception {
        failure = heldBack();
        List<ILoggingEvent> logged = logOf("io.switchboard.broker");

        Exchange attempt = deliver("direct:broker", 3);

        assertThat(attempt.getException()).isSameAs(failure);
        assertThat(logged).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.DEBUG);
            assertThat(event.getFormattedMessage()).contains("attempt 3 for msg_1 held back");
        });
    }

    private Exchange call(String group) {
        return template.send("direct:" + group, exchange -> {
            exchange.getMessage().setHeader("Authorization",
                    "v5".equals(group) ? DEMO.v5Authorization() : DEMO.v1Authorization());
            exchange.getMessage().setHeader("PINNACLE-API-KEY", DEMO.pinnacleApiKey());
        });
    }

    /** The broker's delivery of message msg_1 from the outbound queue, this many times so far. */
    private Exchange deliver(String uri, int deliveryCount) {
        return template.send(uri, exchange -> {
            exchange.getMessage().setHeader("JMSXDeliveryCount", deliveryCount);
            exchange.getMessage().setHeader("JMSDestination", new ActiveMQQueue("switchboard.outbound"));
            exchange.getMessage().setHeader("SwitchboardMessageId", "msg_1");
            exchange.getMessage().setBody("the message as it came");
        });
    }

    /** Everything the logger says from now on, at any level, until the test ends. */
    private List<ILoggingEvent> logOf(String name) {
        Logger logger = (Logger) LoggerFactory.getLogger(name);
        Level level = logger.getLevel();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(Level.DEBUG);
        loggersToRestore.add(() -> {
            logger.detachAppender(appender);
            logger.setLevel(level);
        });
        return appender.list;
    }

    @AfterEach
    void restoreLoggers() {
        loggersToRestore.forEach(Runnable::run);
    }

    /** The failure of a webhook delivery whose endpoint has all its posts in flight, from the hub's own limits. */
    private static WebhookEndpointUnavailableException heldBack() throws Exception {
        WebhookEndpoints endpoints = new WebhookEndpoints(new WebhookEndpointProperties(1, Duration.ZERO,
                Duration.ofSeconds(5), 50, 10, 10, Duration.ofMinutes(1), 1), null);
        WebhookDelivery delivery = new WebhookDelivery("dlv_1", "sub_1", "wh_1", "{}", "https://hooks.example/a",
                Dialect.V1);
        try {
            endpoints.admit(delivery);
            return catchThrowableOfType(WebhookEndpointUnavailableException.class, () -> endpoints.admit(delivery));
        } finally {
            endpoints.destroy();
        }
    }

    /** The failed event of a message whose attempts are spent, as the test gives it, noting what it was asked. */
    public static class ScriptedEvents {
        final List<String> asked = new ArrayList<>();
        DeliveryEvent failed;

        public DeliveryEvent attemptsSpent(String messageId, String reason) {
            asked.add(messageId + ": " + reason);
            return failed;
        }
    }
}

package io.switchboard.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.JMSException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.RuntimeCamelException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jms.UncategorizedJmsException;
import org.springframework.transaction.TransactionSystemException;
import org.junit.jupiter.api.Test;

class ApiRefusalsTest {

    private final ApiRefusals refusals = new ApiRefusals(Duration.ofSeconds(7));

    @Test
    void shouldGiveEveryKindOfRefusalAMetricsWordOfItsOwn() {
        FieldError error = new FieldError(FieldPath.of("to"), "is required");
        Map<ApiException, String> kinds = Map.ofEntries(
                Map.entry(new InvalidRequestException(List.of(error)), "invalid"),
                Map.entry(new MalformedBodyException(error), "malformed"),
                Map.entry(new BodyTooLargeException(1024), "too_large"),
                Map.entry(new UnsupportedMediaTypeException("text/plain"), "unsupported_media"),
                Map.entry(new UnauthorizedException("no key"), "unauthorized"),
                Map.entry(new NotFoundException("no message"), "not_found"),
                Map.entry(new ConflictException("disabled"), "conflict"),
                Map.entry(new IdempotencyConflictException("reused"), "idempotency_conflict"),
                Map.entry(new NoActiveSessionException("no session"), "no_active_session"),
                Map.entry(new RateLimitedException(1, "demo"), "rate_limited"),
                Map.entry(refusals.unavailable("stopping"), "unavailable"));

        assertThat(kinds.keySet()).extracting(Object::getClass)
                .containsExactlyInAnyOrder(ApiException.class.getPermittedSubclasses());
        kinds.forEach((refusal, kind) -> assertThat(ApiRefusals.kindOf(refusal)).isEqualTo(kind));
    }

    @Test
    void shouldFindTheRefusalBehindCamelsWrapping() {
        NotFoundException notFound = new NotFoundException("No message msg_x was found.");

        assertThat(refusals.of(new RuntimeCamelException(notFound))).isSameAs(notFound);
    }

    @Test
    void shouldTurnABrokerOutOfReachIntoARetryLater() {
        ApiException refusal = refusals.of(new RuntimeCamelException(
                new UncategorizedJmsException(new JMSException("AMQ219010: Connection is destroyed"))));

        assertThat(refusal.getStatus()).isEqualTo(503);
        assertThat(refusal.getRetryAfterSeconds()).isEqualTo(7);
        assertThat(refusal.getMessage()).isEqualTo("The hub cannot reach its message broker; retry in 7 s.");
    }

    @Test
    void shouldTurnADatabaseOutOfReachIntoARetryLater() {
        ApiException refusal = refusals.of(new CannotGetJdbcConnectionException("Connection refused"));

        assertThat(refusal.getStatus()).isEqualTo(503);
        assertThat(refusal.getMessage()).startsWith("The hub cannot reach its database");
    }

    @Test
    void shouldTellACommitTheDatabaseCutShortFromABug() {
        // what a failed commit looks like: the deepest cause is a plain SQLException, which Camel matches first
        RuntimeCamelException commitCutShort = new RuntimeCamelException(new TransactionSystemException(
                "JDBC rollback failed", new SQLException("Connection is closed")));

        assertThat(refusals.isRefusal(commitCutShort)).isTrue();
        assertThat(refusals.of(commitCutShort).getStatus()).isEqualTo(503);
        assertThat(refusals.isRefusal(new RuntimeCamelException(new SQLException("syntax error")))).isFalse();
    }

    @Test
    void shouldNotMistakeAnotherFailureForARefusal() {
        assertThat(refusals.isRefusal(new IllegalStateException("a bug"))).isFalse();
        assertThatThrownBy(() -> refusals.of(new IllegalStateException("a bug")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

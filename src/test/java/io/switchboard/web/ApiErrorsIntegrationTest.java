package io.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.api.ApiException;
import io.switchboard.api.NotFoundException;
import io.switchboard.testing.HubIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every API answers in its own shape, whether a route names it by its group or a filter by the request's path. */
class ApiErrorsIntegrationTest extends HubIntegrationTest {

    private static final ApiException NOT_FOUND = new NotFoundException("No such message.");

    @Autowired
    private ApiErrors errors;

    @Autowired
    private ObjectMapper mapper;

    @Test
    void shouldAnswerARouteInItsGroupsShape() throws Exception {
        assertThat(json(errors.refusal("v1", NOT_FOUND, null, null)).path("error").asText()).isEqualTo("not_found");
        JsonNode v5 = json(errors.refusal("v5", NOT_FOUND, null, null));
        assertThat(v5.path("status").asText()).isEqualTo("error");
        assertThat(v5.path("message").asText()).isEqualTo("No such message.");
        assertThat(json(errors.refusal("pinnacle", NOT_FOUND, null, null)).path("error").asText())
                .isEqualTo("No such message.");
        assertThat(json(errors.refusal("callbacks", NOT_FOUND, null, "/callbacks/v1")).path("error").asText())
                .isEqualTo("not_found");
        assertThat(json(errors.internalError("callbacks")).path("error").asText()).isEqualTo("internal_error");
        assertThat(json(errors.internalError("v1")).path("error").asText()).isEqualTo("internal_error");
    }

    @Test
    void shouldAnswerARefusalBeforeAnyRouteInTheShapeOfItsPath() throws Exception {
        assertThat(json(errors.render("/v5/messages", NOT_FOUND)).path("status").asText()).isEqualTo("error");
        assertThat(json(errors.render("/messages/send/sms", NOT_FOUND)).path("error").asText())
                .isEqualTo("No such message.");
        assertThat(json(errors.render("/callbacks/v1", NOT_FOUND)).path("message").asText())
                .isEqualTo("No such message.");
        assertThat(errors.urlPatterns()).containsExactlyInAnyOrder("/v1/*", "/v5/*", "/messages/*", "/callbacks/*");
    }

    @Test
    void shouldRefuseAGroupThatNamesNoApi() {
        assertThatThrownBy(() -> errors.refusal("carriers", NOT_FOUND, null, null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'carriers'");
    }

    private JsonNode json(Object body) throws Exception {
        return mapper.readTree(mapper.writeValueAsString(body));
    }
}

package io.switchboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.testing.Fixtures;
import io.switchboard.testing.HubClient;
import io.switchboard.testing.HubIntegrationTest;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.RestRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** The OpenAPI document the hub serves describes the REST routes it runs, as they read their bodies. */
class OpenApiIntegrationTest extends HubIntegrationTest {

    @Autowired
    private CamelContext camel;

    private JsonNode document;

    @BeforeEach
    void fetch() {
        HubClient.Response response = hub().get("/api-docs", "Authorization", OPERATOR);
        assertThat(response.status()).isEqualTo(200);
        document = response.json();
    }

    @Test
    void shouldNeedTheOperatorLogin() {
        assertThat(hub().get("/api-docs").status()).isEqualTo(401);
        assertThat(document.path("openapi").asText()).startsWith("3.");
    }

    @Test
    void shouldListExactlyTheClientOperationsTheRoutesServe() {
        Set<String> served = new HashSet<>();
        for (RestRegistry.RestService service : camel.getRestRegistry().listAllRestServices()) {
            String path = service.getBasePath() + (service.getUriTemplate() == null ? "" : service.getUriTemplate());
            if (!path.startsWith("/callbacks/")) {
                served.add(service.getMethod().toUpperCase() + " " + path);
            }
        }
        Set<String> documented = new HashSet<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> documented.add(method.toUpperCase() + " " + path.getKey())));

        assertThat(documented).isEqualTo(served).hasSizeGreaterThan(10);
    }

    @Test
    void shouldSecureEveryOperationWithItsDialectsScheme() {
        Map<String, String> schemes = Map.of("/v1/", "http bearer", "/v5/", "http basic",
                "/messages/", "apiKey header PINNACLE-API-KEY");
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            JsonNode security = op.getValue().path("security");
            assertThat(security).as(path.getKey()).hasSize(1);
            String name = security.get(0).fieldNames().next();
            JsonNode scheme = document.path("components").path("securitySchemes").path(name);
            String described = String.join(" ", scheme.path("type").asText(), scheme.path("scheme").asText(""),
                    scheme.path("in").asText(""), scheme.path("name").asText("")).replaceAll(" +", " ").trim();
            String expected = schemes.entrySet().stream().filter(e -> path.getKey().startsWith(e.getKey()))
                    .map(Map.Entry::getValue).findFirst().orElseThrow();
            assertThat(described).as(op.getKey() + " " + path.getKey()).isEqualTo(expected);
        }));
    }

    @ParameterizedTest
    @CsvSource({
        "/v1/messages, v1/send-text-with-suggestions.json",
        "/v1/messages, v1/rich-card-standalone.json",
        "/v1/messages, v1/rich-card-carousel.json",
        "/v5/messages, v5/seed/rcs-carousel.json",
        "/v5/messages, v5/every-choice-type.json",
        "/v5/messages, v5/seed/mms-failover.json",
        "/messages/send/sms, pinnacle/send-sms.json",
        "/messages/send/mms, pinnacle/send-mms.json",
        "/messages/send/rcs, pinnacle/send-rcs-every-button.json",
        "/messages/send/rcs, pinnacle/send-rcs-standalone-card.json"})
    void shouldDescribeEveryFieldOfTheDialectsRequests(String path, String fixture) {
        JsonNode schema = document.path("paths").path(path).path("post").path("requestBody").path("content")
                .path("application/json").path("schema");

        assertDescribes(schema, Fixtures.tree(fixture), path);
    }

    private void assertDescribes(JsonNode schema, JsonNode example, String where) {
        JsonNode resolved = resolve(schema);
        if (example.isObject()) {
            JsonNode properties = resolved.path("properties");
            for (Iterator<Map.Entry<String, JsonNode>> fields = example.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                assertThat(properties.has(field.getKey())).as(where + "." + field.getKey() + " is documented")
                        .isTrue();
                assertDescribes(properties.path(field.getKey()), field.getValue(), where + "." + field.getKey());
            }
        } else if (example.isArray()) {
            assertThat(resolved.path("type").asText()).as(where + " is an array").isEqualTo("array");
            for (JsonNode item : example) {
                assertDescribes(resolved.path("items"), item, where + "[]");
            }
        }
    }

    private JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asText("");
        return ref.isEmpty() ? schema
                : document.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
    }
}

package io.switchboard.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.testing.HubClient;
import io.switchboard.testing.HubIntegrationTest;
import io.switchboard.testing.Jolokia;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.spi.RestRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What operators rely on: every door locked, Hawtio seeing every route, health and metrics. */
class OperationsIntegrationTest extends HubIntegrationTest {

    @Autowired
    private CamelContext camel;

    @Test
    void shouldRefuseEveryRestEndpointWithoutCredentials() {
        List<RestRegistry.RestService> services = camel.getRestRegistry().listAllRestServices();
        assertThat(services).isNotEmpty();
        for (RestRegistry.RestService service : services) {
            String template = service.getUriTemplate() == null ? "" : service.getUriTemplate();
            String path = service.getBasePath() + template.replaceAll("\\{[^}]+}", "x");
            HubClient.Response response = switch (service.getMethod().toUpperCase()) {
                case "GET" -> hub().get(path);
                case "DELETE" -> hub().delete(path);
                case "PATCH" -> hub().patchJson(path, "{}".getBytes(StandardCharsets.UTF_8));
                default -> hub().postJson(path, "{}".getBytes(StandardCharsets.UTF_8));
            };
            assertThat(response.status()).as(service.getMethod() + " " + path + " -> " + response).isEqualTo(401);
        }
    }

    @Test
    void shouldRefuseOperationsEndpointsWithoutTheOperatorLogin() {
        for (String path : List.of("/actuator/prometheus", "/actuator/metrics", "/actuator/jolokia",
                "/actuator/hawtio/", "/actuator/info", "/actuator/messages/msg_x")) {
            assertThat(hub().get(path).status()).as(path).isEqualTo(401);
            assertThat(hub().get(path, "Authorization", "Basic YWRtaW46d3Jvbmc=").status()).as(path).isEqualTo(401);
        }
    }

    @Test
    void shouldServeHawtioAndShowEveryRouteThroughJolokia() {
        assertThat(hub().get("/actuator/hawtio/", "Authorization", OPERATOR).status()).isEqualTo(200);

        HubClient.Response search = hub().get("/actuator/jolokia/search/org.apache.camel:context=*,type=routes,name=*",
                "Authorization", OPERATOR);

        assertThat(search.status()).as(search.toString()).isEqualTo(200);
        String mbeans = search.json().path("value").toString();
        for (Route route : camel.getRoutes()) {
            assertThat(mbeans).contains("name=\\\"" + route.getRouteId() + "\\\"");
        }
        assertThat(camel.getRoutes()).extracting(Route::getRouteId).contains("v1-send-message", "accept-message",
                "dispatch", "carrier-v5", "v5-callback", "carrier-v1", "v1-callback", "carrier-pinnacle",
                "pinnacle-callback", "carrier-channels", "channels-callback", "publish-event", "broadcast-event",
                "webhook-fan-out", "webhook-delivery", "v1-create-webhook", "v1-get-message");
    }

    @Test
    void shouldReportHealthPubliclyAndDetailsToOperators() {
        HubClient.Response summary = hub().get("/actuator/health");
        assertThat(summary.status()).isEqualTo(200);
        assertThat(summary.json().path("status").asText()).isEqualTo("UP");
        assertThat(summary.json().has("components")).isFalse();

        JsonNode details = hub().get("/actuator/health", "Authorization", OPERATOR).json();
        assertThat(details.path("components").path("camelHealth").path("status").asText()).isEqualTo("UP");
        assertThat(details.path("components").path("jms").path("status").asText()).isEqualTo("UP");
        assertThat(details.path("components").path("db").path("status").asText()).isEqualTo("UP");
    }

    @Test
    void shouldExposeRouteMetricsToPrometheus() {
        assertThat(hub().get("/v1/messages/msg_unknown", "Authorization", V1_KEY).status()).isEqualTo(404);

        HubClient.Response metrics = hub().get("/actuator/prometheus", "Authorization", OPERATOR);

        assertThat(metrics.status()).as(metrics.toString()).isEqualTo(200);
        assertThat(new String(metrics.raw().body(), StandardCharsets.UTF_8))
                .contains("camel_routes_running_routes", "camel_exchanges_total{")
                .containsPattern("camel_exchanges_total\\{[^}]*routeId=\"v1-get-message\"")
                .contains("http_server_requests_seconds_count{")
                // per-request costs without an operator's use: an observation per security filter, a registry
                // search per finished exchange
                .doesNotContain("spring_security_", "camel_exchange_event_notifier");
    }

    @Test
    void shouldRefuseCallbacksWithoutAValidToken() {
        HubClient.Response forged = hub().postJson("/callbacks/v5?leg=msg_x-1&token=AAAA",
                "{\"status\":\"DELIVERED\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.json().path("error").asText()).isEqualTo("unauthorized");
    }

    @Test
    void shouldLetHawtiosPagePostToJolokiaWithTheCookieTokenButNothingWithout() {
        String token = Jolokia.xsrfToken(hub());
        byte[] search = "{\"type\":\"search\",\"mbean\":\"org.apache.camel:type=routes,*\"}"
                .getBytes(StandardCharsets.UTF_8);

        HubClient.Response withToken = hub().postJson("/actuator/jolokia", search, "Authorization", OPERATOR,
                "Cookie", "XSRF-TOKEN=" + token, "X-XSRF-TOKEN", token);
        HubClient.Response withoutToken = hub().postJson("/actuator/jolokia", search, "Authorization", OPERATOR);

        assertThat(withToken.status()).as(withToken.toString()).isEqualTo(200);
        assertThat(withToken.json().path("value").toString()).contains("dispatch");
        assertThat(withoutToken.status()).isEqualTo(403);
    }
}

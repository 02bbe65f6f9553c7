package io.switchboard.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import javax.management.ObjectName;

/**
 * Jolokia as Hawtio's page calls it: {@code POST /actuator/jolokia} with the operator login and the page's XSRF
 * token, one JSON request a call.
 */
public final class Jolokia {

    public static final String PATH = "/actuator/jolokia";

    private final HubClient hub;
    private final String token;

    public Jolokia(HubClient hub) {
        this.hub = hub;
        this.token = xsrfToken(hub);
    }

    /** The token the Hawtio page gets in its XSRF-TOKEN cookie and sends back in X-XSRF-TOKEN with every post. */
    public static String xsrfToken(HubClient hub) {
        HubClient.Response page = hub.get("/actuator/hawtio/", "Authorization", HubIntegrationTest.OPERATOR);
        String cookie = page.raw().headers().allValues("Set-Cookie").stream()
                .filter(value -> value.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow();
        return cookie.substring("XSRF-TOKEN=".length(), cookie.indexOf(';'));
    }

    /** Every attribute of the MBean, by name. */
    public JsonNode read(ObjectName mbean) {
        return value(answer(Request.read(mbean.toString(), null)));
    }

    public JsonNode read(ObjectName mbean, String attribute) {
        return value(answer(Request.read(mbean.toString(), attribute)));
    }

    /** What the operation returned. */
    public JsonNode exec(ObjectName mbean, String operation, Object... arguments) {
        return value(answer(Request.exec(mbean.toString(), operation, arguments)));
    }

    /** Jolokia's answer to a request, an error included (Jolokia tells errors in the body, with HTTP 200). */
    public JsonNode answer(Request request) {
        HubClient.Response response = hub.postJson(PATH, request, "Authorization", HubIntegrationTest.OPERATOR,
                "Cookie", "XSRF-TOKEN=" + token, "X-XSRF-TOKEN", token);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static JsonNode value(JsonNode answer) {
        assertThat(answer.path("status").asInt()).as(answer.toString()).isEqualTo(200);
        return answer.path("value");
    }

    /**
     * One Jolokia request.
     *
     * @param type      {@code read}, {@code exec}, {@code search} or {@code list}
     * @param attribute what a read reads; null reads every attribute
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Request(String type, String mbean, String attribute, String operation, List<Object> arguments,
            String path) {

        public static Request read(String mbean, String attribute) {
            return new Request("read", mbean, attribute, null, null, null);
        }

        public static Request exec(String mbean, String operation, Object... arguments) {
            return new Request("exec", mbean, null, operation, List.of(arguments), null);
        }

        public static Request search(String pattern) {
            return new Request("search", pattern, null, null, null, null);
        }

        /** What Hawtio's tree shows below a path: {@code io.switchboard} lists the hub's MBeans. */
        public static Request list(String path) {
            return new Request("list", null, null, null, null, path);
        }
    }
}

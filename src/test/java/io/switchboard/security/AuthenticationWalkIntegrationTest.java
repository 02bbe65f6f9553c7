package io.switchboard.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.testing.HubClient;
import io.switchboard.testing.HubIntegrationTest;
import jakarta.servlet.Filter;
import jakarta.servlet.ServletContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.component.rest.RestApiEndpoint;
import org.apache.camel.component.rest.RestEndpoint;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.logout.LogoutFilter;
import org.springframework.security.web.authentication.ui.DefaultLoginPageGeneratingFilter;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Every endpoint the running hub serves, found in the running context rather than in a list kept by hand: the Camel
 * routes served by platform-http (the REST DSL's APIs and callbacks, the OpenAPI document), every Spring MVC handler
 * mapping (the sandbox, the actuator endpoints, Hawtio's) and every servlet besides Spring's own (Jolokia, Hawtio's).
 * Each is called without credentials and with wrong ones of every scheme the hub knows; each must refuse both, but the
 * public ones of {@link SecurityConfiguration#PUBLIC_ENDPOINTS}.
 */
class AuthenticationWalkIntegrationTest extends HubIntegrationTest {

    private static final Logger LOG = LoggerFactory.getLogger(AuthenticationWalkIntegrationTest.class);
    /** A refusal: no credentials or wrong ones (401), forbidden (403), or sent to the login form (302). */
    private static final Set<Integer> REFUSED = Set.of(401, 403, 302);
    private static final String WRONG = "wrong-" + Long.toHexString(System.nanoTime());
    /** A callback URL's leg and token, as v5 carriers present them, both made up. */
    private static final String WRONG_TOKEN_QUERY = "?leg=msg_walk-1&token=" + Base64.getUrlEncoder()
            .withoutPadding().encodeToString(WRONG.getBytes(StandardCharsets.UTF_8));

    @Autowired
    private CamelContext camel;

    @Autowired
    private ApplicationContext context;

    @Autowired
    private ServletContext servletContext;

    /** Method and path of one endpoint; a path variable stands as {@code x}. */
    private record Endpoint(String method, String path) implements Comparable<Endpoint> {

        @Override
        public int compareTo(Endpoint other) {
            return (path + " " + method).compareTo(other.path + " " + other.method);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @Test
    void shouldRefuseAnonymousAndWrongCredentialsOnEveryEndpointButThePublicOnes() {
        Set<Endpoint> endpoints = new TreeSet<>();
        endpoints.addAll(camelEndpoints());
        endpoints.addAll(springMvcEndpoints());
        endpoints.addAll(servletEndpoints());
        endpoints.addAll(securityFilterEndpoints());
        // walked too, so the list cannot name an endpoint that is not open (the probes sit below a path template)
        SecurityConfiguration.PUBLIC_ENDPOINTS.keySet().forEach(path -> endpoints.add(new Endpoint("GET", path)));
        assertThat(endpoints).as("the walk finds every kind of endpoint").contains(
                new Endpoint("POST", "/v1/messages"), new Endpoint("POST", "/callbacks/v5"),
                new Endpoint("POST", "/sandbox/webhook-inbox/x"), new Endpoint("GET", "/actuator/deadletters"),
                new Endpoint("GET", "/actuator/messages/x"),
                new Endpoint("GET", "/actuator/hawtio"), new Endpoint("POST", "/actuator/jolokia/x"),
                new Endpoint("GET", "/api-docs"), new Endpoint("GET", "/login"));

        Map<Endpoint, List<String>> open = new TreeMap<>();
        for (Endpoint endpoint : endpoints) {
            List<String> answers = new ArrayList<>();
            for (Map.Entry<String, String[]> attempt : attempts().entrySet()) {
                int status = call(endpoint, attempt.getValue(), !attempt.getKey().equals("anonymous")).status();
                if (!REFUSED.contains(status)) {
                    answers.add(attempt.getKey() + " " + status);
                }
            }
            if (!answers.isEmpty()) {
                open.put(endpoint, answers);
            }
        }

        LOG.info("authentication walk: {} endpoints walked, {} open: {}; walked: {}", endpoints.size(), open.size(),
                open.keySet(), endpoints);
        assertThat(open.keySet()).extracting(Endpoint::path).containsExactlyInAnyOrderElementsOf(
                SecurityConfiguration.PUBLIC_ENDPOINTS.keySet());
    }

    /** The error page is no endpoint, but it still renders what the container forwards to it. */
    @Test
    void shouldRenderFailuresOnTheErrorPageAndRefuseItAsAnEndpoint() {
        assertThat(hub().get("/v1/no-such-endpoint").status()).isEqualTo(404);
        assertThat(hub().get("/error").status()).isEqualTo(403);
    }

    /** No credentials at all, then each scheme's header with a wrong value, all dialects' signatures wrong too. */
    private static Map<String, String[]> attempts() {
        String[] wrongSignatures = {"PINNACLE-API-KEY", WRONG, "PINNACLE-SIGNING-SECRET", WRONG,
            "X-Arowana-Signature", "sha256=" + "0".repeat(64), "messagebird-signature", WRONG,
            "messagebird-request-timestamp", Long.toString(System.currentTimeMillis() / 1000),
            "webhook-id", "evt_walk", "webhook-timestamp", Long.toString(System.currentTimeMillis() / 1000),
            "webhook-signature", "v1," + Base64.getEncoder().encodeToString(WRONG.getBytes(StandardCharsets.UTF_8))};
        Map<String, String[]> attempts = new LinkedHashMap<>();
        attempts.put("anonymous", new String[0]);
        for (String authorization : List.of("Basic " + Base64.getEncoder().encodeToString(("admin:" + WRONG)
                .getBytes(StandardCharsets.UTF_8)), "Bearer " + WRONG, "AccessKey " + WRONG)) {
            String[] headers = new String[wrongSignatures.length + 2];
            headers[0] = "Authorization";
            headers[1] = authorization;
            System.arraycopy(wrongSignatures, 0, headers, 2, wrongSignatures.length);
            attempts.put(authorization.substring(0, authorization.indexOf(' ')), headers);
        }
        return attempts;
    }

    private HubClient.Response call(Endpoint endpoint, String[] headers, boolean withWrongToken) {
        String path = endpoint.path() + (withWrongToken ? WRONG_TOKEN_QUERY : "");
        return switch (endpoint.method()) {
            case "GET", "HEAD", "OPTIONS" -> hub().get(path, headers);
            case "DELETE" -> hub().delete(path, headers);
            case "PATCH" -> hub().patchJson(path, "{}".getBytes(StandardCharsets.UTF_8), headers);
            // a JSON body gets past the body checks to the credentials (a dead-letter replay needs the type)
            default -> hub().post(path, "{}".getBytes(StandardCharsets.UTF_8), with(headers, "Content-Type",
                    "application/json"));
        };
    }

    /** The routes of the REST DSL (the APIs and callbacks) and of the OpenAPI document, served by platform-http. */
    private List<Endpoint> camelEndpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Route route : camel.getRoutes()) {
            if (route.getEndpoint() instanceof RestEndpoint rest) {
                String template = rest.getPath() + (rest.getUriTemplate() == null ? "" : rest.getUriTemplate());
                concrete(template).forEach(path -> endpoints.add(new Endpoint(rest.getMethod().toUpperCase(), path)));
            } else if (route.getEndpoint() instanceof RestApiEndpoint api) {
                concrete(api.getPath()).forEach(path -> endpoints.add(new Endpoint("GET", path)));
            }
        }
        return endpoints;
    }

    /** Every handler of every Spring MVC mapping: controllers, actuator web endpoints, Hawtio's. */
    private List<Endpoint> springMvcEndpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class)
                .values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<String> methods = info.getMethodsCondition().getMethods().isEmpty() ? Set.of("GET")
                        : info.getMethodsCondition().getMethods().stream().map(Enum::name)
                                .collect(Collectors.toSet());
                for (String pattern : info.getPatternValues()) {
                    methods.forEach(method -> concrete(pattern)
                            .forEach(path -> endpoints.add(new Endpoint(method, path))));
                }
            }
        }
        return endpoints;
    }

    /** Servlets other than Spring's dispatcher, such as Jolokia's and Hawtio's, by their URL mappings. */
    private List<Endpoint> servletEndpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        servletContext.getServletRegistrations().forEach((name, registration) -> {
            for (String mapping : registration.getMappings()) {
                if (!mapping.equals("/")) {
                    concrete(mapping).forEach(path -> {
                        endpoints.add(new Endpoint("GET", path));
                        endpoints.add(new Endpoint("POST", path));
                    });
                }
            }
        });
        return endpoints;
    }

    /**
     * The pages Spring Security serves itself, by the filters of its chains: the login form and its processing, the
     * logout.
     */
    private List<Endpoint> securityFilterEndpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (SecurityFilterChain chain : context.getBean(FilterChainProxy.class).getFilterChains()) {
            for (Filter filter : chain.getFilters()) {
                if (filter instanceof DefaultLoginPageGeneratingFilter) {
                    endpoints.add(new Endpoint("GET", "/login"));
                } else if (filter instanceof UsernamePasswordAuthenticationFilter) {
                    endpoints.add(new Endpoint("POST", "/login"));
                } else if (filter instanceof LogoutFilter) {
                    endpoints.add(new Endpoint("POST", "/logout"));
                }
            }
        }
        return endpoints;
    }

    /**
     * A path template made callable: each variable becomes {@code x}; a trailing wildcard or catch-all gives the path
     * without it and with {@code x} in its place.
     */
    private static List<String> concrete(String template) {
        String path = (template.startsWith("/") ? template : "/" + template).replaceAll("\\{[^}]*}", "x");
        if (path.matches(".*/\\*\\*?")) {
            String base = path.substring(0, path.lastIndexOf('/'));
            return List.of(base.isEmpty() ? "/" : base, base + "/x");
        }
        return List.of(path.replaceAll("\\*\\*?", "x"));
    }

    private static String[] with(String[] headers, String... more) {
        String[] all = new String[headers.length + more.length];
        System.arraycopy(headers, 0, all, 0, headers.length);
        System.arraycopy(more, 0, all, headers.length, more.length);
        return all;
    }
}

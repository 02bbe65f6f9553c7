package io.switchboard.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;

/**
 * Two doors. The messaging APIs, callbacks and sandbox authenticate inside their Camel routes, each in its dialect's
 * own way (API key, Basic, callback token) and with its own error shape, so Spring Security lets them through to the
 * routes without a session. Everything else (Hawtio, Jolokia, Actuator) needs the operator login; only
 * {@link #PUBLIC_ENDPOINTS} are open. {@code /error} is Spring's rendering of failures outside a route; it must not
 * turn a 500 into a login challenge, and it is no endpoint of its own.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    /**
     * The endpoints anyone may call, each with why; every other endpoint refuses a caller without valid credentials
     * (AuthenticationWalkIntegrationTest walks them all), and README's Operations section lists these.
     */
    static final Map<String, String> PUBLIC_ENDPOINTS = Map.of(
            "/actuator/health", "the health summary (UP or not, no details), for load balancers and orchestrators",
            "/actuator/health/liveness", "the liveness probe, for orchestrators",
            "/actuator/health/readiness", "the readiness probe (is the hub taking traffic), for orchestrators",
            "/login", "the operator login form (Spring Security's page), where Hawtio's users sign in");

    private static final String ERROR_PAGE = "/error";
    private static final String JOLOKIA = "/actuator/jolokia";

    private static final String[] ROUTE_AUTHENTICATED = {
        "/v1/**", "/v5/**", "/messages/**", "/callbacks/**", "/sandbox/**", ERROR_PAGE
    };

    /**
     * No Micrometer observation around each of Spring Security's filters, authentications and authorizations: a
     * dozen timers started and stopped on every request, none of them an operator's figure. Each request is still
     * measured once, as {@code http.server.requests}.
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * The sandbox's webhook inbox takes posts like any webhook receiver, checking their Standard Webhooks signature
     * itself (WebhookInbox); reading it, what the sandbox carriers received and the callbacks they hold, and making a
     * sandbox user reply need the operator login.
     */
    @Bean
    @Order(0)
    SecurityFilterChain sandboxOperatorViews(HttpSecurity http) throws Exception {
        return http.securityMatcher("/sandbox/webhook-inbox/**", "/sandbox/carrier-requests/**",
                        "/sandbox/carrier-callbacks", "/sandbox/users/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.POST, "/sandbox/webhook-inbox/**").permitAll()
                        .anyRequest().hasRole("ADMIN"))
                .httpBasic(Customizer.withDefaults())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain messagingApis(HttpSecurity http) throws Exception {
        return http.securityMatcher(ROUTE_AUTHENTICATED)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(SecurityConfiguration::errorPageCalledDirectly).denyAll()
                        .anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain operations(HttpSecurity http) throws Exception {
        // Hawtio's single-page app echoes the XSRF-TOKEN cookie in X-XSRF-TOKEN: the token must be the cookie's plain
        // value (not the masked form Spring renders into pages) and the cookie must exist before the first POST
        CsrfTokenRequestAttributeHandler plainToken = new CsrfTokenRequestAttributeHandler();
        plainToken.setCsrfRequestAttributeName(null);
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(PUBLIC_ENDPOINTS.keySet().toArray(String[]::new)).permitAll()
                        .requestMatchers(SecurityConfiguration::jolokiaChangeByGet).denyAll()
                        .anyRequest().hasRole("ADMIN"))
                .formLogin(Customizer.withDefaults())
                .httpBasic(Customizer.withDefaults())
                .csrf(csrf -> csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(plainToken)
                        // an operator's script (curl) replays dead letters with a JSON body: a cross-site form cannot
                        // send that content type without a CORS preflight, which this hub never allows. Jolokia keeps
                        // the token, as Hawtio's page sends it.
                        .ignoringRequestMatchers(SecurityConfiguration::jsonDeadLetterReplay))
                .build();
    }

    /** {@code /error} renders a failure the container forwards to it; asked for itself it would answer a bare 500. */
    private static boolean errorPageCalledDirectly(HttpServletRequest request) {
        return request.getDispatcherType() != DispatcherType.ERROR && request.getRequestURI().equals(ERROR_PAGE);
    }

    /**
     * Jolokia runs an operation or writes an attribute by GET too, and a GET carries no CSRF token: a link on another
     * site, opened by a signed-in operator's browser, could force a breaker open or replay dead letters. Reads stay
     * open to GET; changes need a POST with the token, as Hawtio's page sends them.
     */
    private static boolean jolokiaChangeByGet(HttpServletRequest request) {
        if (!HttpMethod.GET.matches(request.getMethod()) || !request.getRequestURI().startsWith(JOLOKIA)) {
            return false;
        }
        String pathParameter = request.getParameter("p");
        String path = pathParameter != null ? pathParameter : request.getRequestURI().substring(JOLOKIA.length());
        String type = path.replaceFirst("^/+", "").toLowerCase(Locale.ROOT);
        return type.startsWith("exec") || type.startsWith("write");
    }

    private static boolean jsonDeadLetterReplay(HttpServletRequest request) {
        String contentType = request.getContentType();
        return request.getRequestURI().startsWith("/actuator/deadletters/") && contentType != null
                && MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(contentType));
    }

    private static final PasswordEncoder OPERATOR_PASSWORDS = new OperatorPasswordEncoder();

    @Bean
    PasswordEncoder operatorPasswordEncoder() {
        return OPERATOR_PASSWORDS;
    }

    @Bean
    UserDetailsService operators(@Value("${switchboard.admin.username}") String username,
            @Value("${switchboard.admin.password}") String password) {
        return new InMemoryUserDetailsManager(User.withUsername(username)
                .password(OPERATOR_PASSWORDS.encode(password))
                .roles("ADMIN")
                .build());
    }
}

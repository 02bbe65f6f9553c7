package io.switchboard.module;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.api.NotFoundException;
import io.switchboard.api.UnauthorizedException;
import io.switchboard.model.Dialect;
import io.switchboard.testing.HubIntegrationTest;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.spi.RestRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Each dialect's module holds everything the rest of the hub asks of that dialect, and the routes find it: a dialect
 * added with a part missing fails here (docs/extending.md).
 */
class DialectModulesIntegrationTest extends HubIntegrationTest {

    private static final CarrierCredentials NONE = new CarrierCredentials(null, null, null, null, null, null, null);
    private static final CarrierCredentials ALL = new CarrierCredentials("user", "password", "key", "access",
            "secret", "workspace", "channel");
    private static final List<String> INGRESS_ENDPOINTS = Arrays.asList(null, "sms", "mms", "rcs");

    @Autowired
    private DialectModules dialects;

    @Autowired
    private CamelContext camel;

    @Autowired
    private ObjectMapper mapper;

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void shouldGiveEveryDialectACompleteCarrierSide(Dialect dialect) {
        DialectModule module = dialects.of(dialect);

        assertThat(module.dialect()).isEqualTo(dialect);
        assertThat(module.carrierSide().capabilities().channels()).as("channels its carriers carry").isNotEmpty();
        assertThat(module.carrierSide().missingCredentials(NONE)).as("credentials a carrier needs").isNotEmpty();
        assertThat(module.carrierSide().missingCredentials(ALL)).isEmpty();
        assertThat(module.carrierSide().authorization(ALL)).isNotBlank().doesNotContain("null");
        assertThat(camel.getRoute("carrier-" + dialect.id())).as("its carrier route").isNotNull();
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void shouldGiveEveryClientApiItsRoutesCredentialsAndAnswers(Dialect dialect) throws Exception {
        ClientApi api = dialects.of(dialect).clientApi().orElse(null);
        if (api == null) {
            assertThat(routesOfGroup(dialect.id())).as("no client API, no client routes").isEmpty();
            return;
        }

        assertThat(api.pathPrefix()).startsWith("/").endsWith("/");
        assertThat(camel.getRestRegistry().listAllRestServices()).map(RestRegistry.RestService::getBasePath)
                .anyMatch(path -> (path + "/").startsWith(api.pathPrefix()));
        assertThat(routesOfGroup(dialect.id())).as("routes answering in its shape").isNotEmpty()
                .allSatisfy(route -> assertThat(route.getConfigurationId()).contains("api", "client-admission"));
        assertThatThrownBy(() -> api.authenticate(null)).isInstanceOf(UnauthorizedException.class);
        assertThat(mapper.writeValueAsString(api.refusal(new NotFoundException("No such message."))))
                .contains("No such message.");
        assertThat(mapper.writeValueAsString(api.internalError())).isNotBlank();
        List<String> ingressRoutes = INGRESS_ENDPOINTS.stream().map(api::ingressRoute)
                .flatMap(Optional::stream).toList();
        assertThat(ingressRoutes).as("where JMS ingress sends its messages").isNotEmpty()
                .allSatisfy(uri -> assertThat(camel.hasEndpoint(uri)).as(uri).isNotNull());
    }

    @Test
    void shouldRenderWebhooksInTheDialectSubscriptionsAreMadeIn() {
        assertThat(dialects.of(Dialect.V1).webhookRendering()).isPresent();
    }

    @Test
    void shouldNameEveryApiRoutesShapeByItsGroup() {
        Stream<Route> apiRoutes = camel.getRoutes().stream()
                .filter(route -> route.getConfigurationId() != null)
                .filter(route -> List.of(route.getConfigurationId().split(",")).contains("api"));

        assertThat(apiRoutes).isNotEmpty().allSatisfy(route -> assertThat(route.getGroup()).as(route.getRouteId())
                .satisfiesAnyOf(group -> assertThat(group).isEqualTo("callbacks"),
                        group -> assertThat(dialects.clientApi(group)).isPresent()));
    }

    @Test
    void shouldRefuseToStartWithADialectWithoutModuleOrWithTwo() {
        DialectModule v1 = dialects.of(Dialect.V1);

        assertThatThrownBy(() -> new DialectModules(List.of(v1))).hasMessageContaining("No module speaks");
        List<DialectModule> twice = Stream.concat(dialects.all().stream(), Stream.of(v1)).toList();
        assertThatThrownBy(() -> new DialectModules(twice)).hasMessageContaining("Two modules speak v1");
    }

    private List<Route> routesOfGroup(String group) {
        return camel.getRoutes().stream().filter(route -> Objects.equals(group, route.getGroup())).toList();
    }
}

package io.switchboard.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.api.JsonBodies;
import io.switchboard.json.Json;
import io.switchboard.pricing.Prices;
import io.switchboard.tenant.TenantProperties;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.component.jackson.JacksonDataFormat;
import org.apache.camel.model.Model;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.DataFormatCustomizer;
import org.apache.camel.spi.Registry;
import org.apache.camel.spi.Resource;
import org.apache.camel.spi.RoutesLoader;
import org.apache.camel.spi.Transformer;
import org.apache.camel.spi.TransformerKey;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.junit5.CamelContextConfiguration;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.util.unit.DataSize;

/**
 * One flow file of {@code routes/} driven alone, in Camel's own test style: a Camel context without Spring, broker or
 * database, holding that file's routes (not its REST verbs, which need a web server) and the route configurations of
 * {@code api-errors.camel.yaml}, the beans the test binds by name, and the changes the test makes with AdviceWith
 * before the routes start ({@code replaceFromWith}, {@code weaveById}, {@code mockEndpointsAndSkip}). JSON is written
 * with the hub's ObjectMapper. The whole hub is tested elsewhere.
 */
public abstract class RouteFileTest extends CamelTestSupport {

    private static final Path ROUTES = Path.of("routes");
    private static final Path CONFIGURATION = Path.of("config", "application.yaml");

    /** The file under {@code routes/} this test drives, such as {@code dispatch.camel.yaml}. */
    protected abstract String routeFile();

    /**
     * Other files under {@code routes/} whose routes it needs beside its own, loaded before it: the template its
     * {@code templatedRoute}s instantiate, such as {@code carrier-post.camel.yaml}. None unless a test says so.
     */
    protected List<String> alsoLoaded() {
        return List.of();
    }

    /** The beans its routes call, by the names the routes use. */
    protected abstract Map<String, Object> beans();

    /** Changes the routes before they start; the routes start once this returns. */
    protected abstract void advise() throws Exception;

    /** The placeholders the routes use ({@code switchboard.broker.outbound}…), as config/application.yaml sets them. */
    protected Properties placeholders() {
        YamlPropertiesFactoryBean configuration = new YamlPropertiesFactoryBean();
        configuration.setResources(new FileSystemResource(CONFIGURATION));
        return configuration.getObject();
    }

    /** Part of the hub's configuration bound as the hub binds it, such as {@code switchboard.pricing} to Prices. */
    protected <T> T configuration(String prefix, Class<T> type) {
        return new Binder(new MapConfigurationPropertySource(placeholders())).bindOrCreate(prefix, type);
    }

    /** The beans of the {@code api} error policy and {@code client-admission}, from the hub's configuration. */
    protected ApiPolicyBeans apiPolicyBeans() {
        return ApiPolicyBeans.of(configuration("switchboard", TenantProperties.class),
                configuration("switchboard.pricing", Prices.class),
                configuration("switchboard.api.retry-after", Duration.class));
    }

    /** How the client APIs read request bodies, with the hub's configured size limit. */
    protected JsonBodies jsonBodies() {
        return new JsonBodies(Json.newMapper(), configuration("switchboard.api.max-body-size", DataSize.class));
    }

    /** The text a route answered with; read once, and kept as text for the next read. */
    protected static String body(Exchange answer) {
        String text = answer.getMessage().getBody(String.class);
        answer.getMessage().setBody(text);
        return text;
    }

    /** The JSON a route answered with. */
    protected static JsonNode json(Exchange answer) {
        try {
            return Fixtures.MAPPER.readTree(body(answer));
        } catch (JsonProcessingException e) {
            throw new AssertionError("The route did not answer JSON: " + body(answer), e);
        }
    }

    /** A JSON body to a client API's direct: route, as its REST verb hands it on: bytes, with these headers. */
    protected Exchange post(String uri, byte[] body, String... headers) {
        return template.send(uri, exchange -> {
            exchange.getMessage().setHeader("Content-Type", "application/json");
            for (int i = 0; i < headers.length; i += 2) {
                exchange.getMessage().setHeader(headers[i], headers[i + 1]);
            }
            exchange.getMessage().setBody(body);
        });
    }

    /** The HTTP status a route answered with; none when it left HTTP's default, 200. */
    protected static Integer status(Exchange answer) {
        return answer.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
    }

    /** Registers dialect transformers as the hub does, so the routes' {@code transformDataType} steps find them. */
    protected void registerTransformers(Transformer... transformers) {
        for (Transformer transformer : transformers) {
            transformer.setCamelContext(context);
            context.getTransformerRegistry().put(TransformerKey.createFrom(transformer), transformer);
        }
    }

    @Override
    public void configureTest(TestExecutionConfiguration configuration) {
        super.configureTest(configuration);
        configuration.withUseAdviceWith(true);
    }

    @Override
    public void configureContext(CamelContextConfiguration configuration) {
        super.configureContext(configuration);
        configuration.withUseOverridePropertiesWithPropertiesComponent(placeholders());
    }

    @Override
    protected void bindToRegistry(Registry registry) {
        // the routes' JSON marshal and unmarshal use the hub's one ObjectMapper, as
        // camel.dataformat.jackson.auto-discover-object-mapper makes them do in the hub
        registry.bind("hubJackson", DataFormatCustomizer.forType(JacksonDataFormat.class,
                format -> format.setObjectMapper(Json.newMapper())));
        beans().forEach(registry::bind);
    }

    @Override
    protected RoutesBuilder[] createRouteBuilders() throws Exception {
        // as camel.rest.inline-routes makes it in the hub: a REST verb and the direct: route it calls are two routes
        context.getRestConfiguration().setInlineRoutes(false);
        RoutesLoader loader = PluginHelper.getRoutesLoader(context);
        List<RoutesBuilder> builders = new ArrayList<>();
        // the error policies' own test drives api-errors.camel.yaml itself
        List<String> files = Stream.concat(Stream.of("api-errors.camel.yaml"), alsoLoaded().stream()).toList();
        for (String file : Stream.concat(files.stream(), Stream.of(routeFile())).distinct().toList()) {
            Resource resource = ResourceHelper.resolveMandatoryResource(context, "file:" + ROUTES.resolve(file));
            builders.addAll(loader.findRoutesBuilders(resource));
        }
        return builders.toArray(RoutesBuilder[]::new);
    }

    @Override
    protected void doPostSetup() throws Exception {
        // a REST verb needs the hub's HTTP server; a test calls the direct: route the verb leads to
        Model model = context.getCamelContextExtension().getContextPlugin(Model.class);
        model.removeRouteDefinitions(model.getRouteDefinitions().stream().filter(RouteDefinition::isCreatedFromRest)
                .toList());
        advise();
        context.start();
    }
}

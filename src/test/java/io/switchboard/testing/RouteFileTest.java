package io.switchboard.testing;

import io.switchboard.json.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
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
import org.springframework.core.io.FileSystemResource;

/**
 * One flow file of {@code routes/} driven alone, in Camel's own test style: a Camel context without Spring, broker or
 * database, holding that file's routes and the route configurations of {@code api-errors.camel.yaml}, the beans the
 * test binds by name, and the changes the test makes with AdviceWith before the routes start
 * ({@code replaceFromWith}, {@code weaveById}, {@code mockEndpointsAndSkip}). The whole hub is tested elsewhere.
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

    /** The placeholders the routes use ({@code switchboard.broker.outbound}…), as the hub's configuration sets them. */
    protected Properties placeholders() {
        YamlPropertiesFactoryBean configuration = new YamlPropertiesFactoryBean();
        configuration.setResources(new FileSystemResource(CONFIGURATION));
        return configuration.getObject();
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
        List<String> files = new ArrayList<>(List.of("api-errors.camel.yaml"));
        files.addAll(alsoLoaded());
        files.add(routeFile());
        for (String file : files) {
            Resource resource = ResourceHelper.resolveMandatoryResource(context, "file:" + ROUTES.resolve(file));
            builders.addAll(loader.findRoutesBuilders(resource));
        }
        return builders.toArray(RoutesBuilder[]::new);
    }

    /**
     * Registers the transformers its {@code transformDataType} steps reach, under their data type name or their
     * from/to pair, as the hub registers its dialects' transformers; call it from {@link #advise()}.
     */
    protected void registerTransformers(Transformer... transformers) {
        for (Transformer transformer : transformers) {
            transformer.setCamelContext(context);
            context.getTransformerRegistry().put(TransformerKey.createFrom(transformer), transformer);
        }
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

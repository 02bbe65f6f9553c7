package io.switchboard.camel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.camel.dsl.yaml.YamlRoutesBuilderLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every route file passes the YAML DSL JSON schema that camel-yaml-dsl ships, so editors built on that schema (Kaoto
 * among them) can open it. Starting the hub proves that Camel can load the files, not that they pass the schema.
 * The files are the ones the hub loads: {@code routes/*.camel.yaml}, one level deep.
 */
class RouteFilesSchemaTest {

    private static final String SCHEMA = "schema/camelYamlDsl.json";
    private static final Path ROUTES = Path.of("routes");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static JsonSchema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        URL location = YamlRoutesBuilderLoader.class.getClassLoader().getResource(SCHEMA);
        // the schema of the Camel version the hub runs, never a copy that could fall behind it
        assertThat(location).as(SCHEMA).isNotNull();
        assertThat(location.toString()).startsWith("jar:").contains("camel-yaml-dsl-");
        try (InputStream in = location.openStream()) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
        }
    }

    static List<Path> routeFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(ROUTES, "*.camel.yaml")) {
            dir.forEach(files::add);
        }
        files.sort(null);
        return files;
    }

    private static List<String> problems(JsonNode routes) {
        Set<ValidationMessage> messages = schema.validate(routes);
        return messages.stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    @Test
    void shouldFindTheRouteFiles() throws IOException {
        assertThat(routeFiles()).as("route files in %s", ROUTES.toAbsolutePath()).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routeFiles")
    void shouldPassTheYamlDslSchema(Path file) throws IOException {
        // every document of the file, should it ever hold more than one
        List<JsonNode> documents = new ArrayList<>();
        try (JsonParser parser = YAML.createParser(file.toFile())) {
            while (parser.nextToken() != null) {
                documents.add(YAML.readTree(parser));
            }
        }

        assertThat(documents).as(file.toString()).isNotEmpty();
        for (JsonNode routes : documents) {
            assertThat(problems(routes)).as("%s against %s", file, SCHEMA).isEmpty();
        }
    }

    @Test
    void shouldRefuseAStepTheDslDoesNotKnow() throws IOException {
        JsonNode broken = YAML.readTree("""
                - route:
                    id: x
                    from:
                      uri: "direct:x"
                      steps:
                        - notAStep: {}
                """);

        assertThat(problems(broken)).anyMatch(message -> message.contains("notAStep"));
    }
}

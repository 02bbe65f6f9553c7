package io.switchboard.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Each flow file of routes/ has its own route test, named after it: dispatch.camel.yaml, DispatchRoutesTest. */
class EveryRouteFileTestedTest {

    @Test
    void shouldHaveARouteTestForEveryRouteFile() throws IOException {
        List<String> missing;
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            missing = files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".camel.yaml"))
                    .map(EveryRouteFileTestedTest::testClassOf).filter(name -> !exists(name)).sorted().toList();
        }

        assertThat(testClassOf("carrier-v1.camel.yaml")).isEqualTo("io.switchboard.routes.CarrierV1RoutesTest");
        assertThat(missing).isEmpty();
    }

    private static String testClassOf(String routeFile) {
        String flow = routeFile.substring(0, routeFile.length() - ".camel.yaml".length());
        return "io.switchboard.routes." + Arrays.stream(flow.split("-"))
                .map(word -> Character.toUpperCase(word.charAt(0)) + word.substring(1))
                .collect(Collectors.joining()) + "RoutesTest";
    }

    private static boolean exists(String className) {
        try {
            Class.forName(className);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}

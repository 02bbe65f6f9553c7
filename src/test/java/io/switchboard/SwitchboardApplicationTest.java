package io.switchboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SwitchboardApplicationTest {

    private static final Path PROJECT = Path.of("").toAbsolutePath();

    @Test
    void shouldTakeTheWorkingDirectoryAsHomeWhenItHoldsConfigAndRoutes() {
        assertThat(SwitchboardApplication.home(null, PROJECT)).contains(PROJECT);
        assertThat(SwitchboardApplication.defaultProperties(PROJECT, PROJECT))
                .containsEntry("switchboard.home", PROJECT.toString())
                .doesNotContainKey("spring.config.additional-location");
    }

    @Test
    void shouldFollowSwitchboardHomeFromAnotherDirectory(@TempDir Path elsewhere) {
        assertThat(SwitchboardApplication.home(PROJECT.toString(), elsewhere)).contains(PROJECT);

        Map<String, Object> defaults = SwitchboardApplication.defaultProperties(PROJECT, elsewhere);

        assertThat(defaults).containsEntry("switchboard.home", PROJECT.toString())
                .containsEntry("spring.config.additional-location", "optional:file:" + PROJECT.resolve("config") + "/");
    }

    @Test
    void shouldRefuseADirectoryWithoutConfigOrRoutesAndSayWhatToDo(@TempDir Path elsewhere) throws Exception {
        assertThat(SwitchboardApplication.home(null, elsewhere)).isEmpty();
        Files.createDirectories(elsewhere.resolve("routes"));
        assertThat(SwitchboardApplication.home(null, elsewhere)).as("routes/ alone is not enough").isEmpty();

        assertThat(SwitchboardApplication.wrongDirectoryAdvice(elsewhere))
                .contains(elsewhere.toString(), "SWITCHBOARD_HOME", "config/application.yaml");
    }

    @Test
    void shouldRunTheCarriersAloneOnlyInTheCarriersProfile() {
        assertThat(SwitchboardApplication.carriersOnly(new String[] {"--spring.profiles.active=carriers"})).isTrue();
        assertThat(SwitchboardApplication.carriersOnly(new String[] {"--spring.profiles.active=prod"})).isFalse();
        assertThat(SwitchboardApplication.carriersOnly(new String[] {"--server.port=0"})).isFalse();
    }
}

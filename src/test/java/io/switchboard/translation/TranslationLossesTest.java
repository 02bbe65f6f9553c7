package io.switchboard.translation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.model.Dialect;
import io.switchboard.model.Message;
import io.switchboard.model.SmsContent;
import io.switchboard.model.TextContent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TranslationLossesTest {

    private static final Pattern LOSS_ROW = Pattern.compile("^\\| `([a-z0-9-]+)` \\|", Pattern.MULTILINE);

    private final TranslationLosses losses = TranslationLosses.read();

    @Test
    void shouldExplainEveryLossInMappingAndListEveryExplainedOne() throws IOException {
        String mapping = Files.readString(Path.of("docs/MAPPING.md"));
        String table = mapping.substring(mapping.indexOf("## Every loss, by id"));
        Matcher rows = LOSS_ROW.matcher(table);
        Set<String> explained = rows.results().map(row -> row.group(1)).collect(Collectors.toSet());

        assertThat(losses.losses()).extracting(TranslationLosses.Loss::id).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(explained);
    }

    @Test
    void shouldFailATripThatBringsBackAFieldItPromisedToDrop() {
        Message sent = message(new TextContent("Hi", List.of()), Duration.ofHours(1));
        TranslationLosses droppingTimeToLive = new TranslationLosses(List.of(), List.of(new TranslationLosses.Loss(
                "test-drop", List.of("x"), TranslationLosses.Effect.DROPPED, List.of("/timeToLive"), null)));

        assertThat(droppingTimeToLive.comparable(sent, message(sent.content(), null), "x"))
                .satisfies(trees -> assertThat(trees.getValue()).isEqualTo(trees.getKey()));
        assertThatThrownBy(() -> droppingTimeToLive.comparable(sent, sent, "x")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("test-drop");
    }

    @Test
    void shouldIgnoreAFilledFieldOnlyWhereTheOriginalLeftItEmpty() {
        TranslationLosses fillingTimeToLive = new TranslationLosses(List.of(), List.of(new TranslationLosses.Loss(
                "test-fill", List.of("x"), TranslationLosses.Effect.FILLED, List.of("/timeToLive"), null)));
        Message empty = message(new TextContent("Hi", List.of()), null);
        Message filled = message(empty.content(), Duration.ofHours(1));
        Message other = message(empty.content(), Duration.ofHours(2));

        Map.Entry<JsonNode, JsonNode> whereEmpty = fillingTimeToLive.comparable(empty, filled, "x");
        Map.Entry<JsonNode, JsonNode> whereGiven = fillingTimeToLive.comparable(filled, other, "x");

        assertThat(whereEmpty.getValue()).isEqualTo(whereEmpty.getKey());
        assertThat(whereGiven.getValue()).isNotEqualTo(whereGiven.getKey());
    }

    @Test
    void shouldFindTheRefusalOnlyForTheContentItNames() {
        assertThat(losses.refusal(message(new SmsContent("Hi"), null), "v5")).extracting(TranslationLosses.Loss::id)
                .isEqualTo("v5-rcs-only");
        assertThat(losses.refusal(message(new TextContent("Hi", List.of()), null), "v5")).isNull();
    }

    @Test
    void shouldMatchPathsAtAnyDepthWithTwoStars() {
        JsonNode tree = io.switchboard.testing.Fixtures.tree("canonical/v5-rcs-carousel.json");

        assertThat(TranslationLosses.find(tree, "/content/**/suggestions/*/postbackData"))
                .isNotEmpty()
                .allSatisfy(pointer -> assertThat(pointer).startsWith("/content/").endsWith("/postbackData"));
    }

    private static Message message(io.switchboard.model.Content content, Duration timeToLive) {
        return new Message("msg_1", "t", Dialect.V1, null, "agent_a", "+14155550100", content, null, null,
                timeToLive, null, null, DialectTrips.ACCEPTED_AT);
    }
}

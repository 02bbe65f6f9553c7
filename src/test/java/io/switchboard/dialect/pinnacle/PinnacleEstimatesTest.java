package io.switchboard.dialect.pinnacle;

import io.switchboard.net.TargetGuard;

import static io.switchboard.dialect.pinnacle.PinnacleResponsesTest.json;
import static io.switchboard.dialect.pinnacle.PinnacleResponsesTest.prices;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The validate answers against FORMATS.md §1.7's examples, at the default prices (which are the examples'). */
class PinnacleEstimatesTest {

    private final PinnacleEstimates estimates =
            new PinnacleEstimates(prices("0.01", "0.01", "0.02", "0.02"), new TargetGuard(false));

    @Test
    void shouldSegmentAnSmsInBothAlphabets() {
        JsonNode answer = json(estimates.sms(Fixtures.read("pinnacle/validate-sms.json",
                PinnacleWire.SmsContent.class)));

        assertThat(answer).isEqualTo(Fixtures.tree("pinnacle/validated-sms.json"));
    }

    @Test
    void shouldListWhatGsm7CannotWriteAndPriceTheAlphabetThatWouldBeUsed() {
        PinnacleEstimates priced = new PinnacleEstimates(prices("0.01", "0.03", "0.02", "0.02"),
                new TargetGuard(false));

        JsonNode answer = json(priced.sms(new PinnacleWire.SmsContent("ça va? \uD83D\uDE00 ça")));

        assertThat(answer.path("segments").path("gsm7").path("unsupported")).extracting(JsonNode::asText)
                .containsExactly("ç", "\uD83D\uDE00");
        assertThat(answer.path("segments").path("utf16").path("totalBytes").asInt()).isEqualTo(24);
        assertThat(answer.path("unit").decimalValue()).isEqualByComparingTo("0.03");
        assertThat(answer.path("total").path("gsm7").decimalValue()).isEqualByComparingTo("0.01");
    }

    @Test
    void shouldSayWhenTheTextIsOverTheSegmentLimit() {
        JsonNode within = json(estimates.sms(new PinnacleWire.SmsContent("a".repeat(1530))));
        JsonNode over = json(estimates.sms(new PinnacleWire.SmsContent("a".repeat(1531))));

        assertThat(within.path("isOverSegmentLimit").asBoolean()).isFalse();
        assertThat(over.path("isOverSegmentLimit").asBoolean()).isTrue();
        assertThat(over.path("segments").path("gsm7").path("value")).hasSize(11);
        assertThat(over.path("total").path("gsm7").decimalValue()).isEqualByComparingTo("0.11");
    }

    @Test
    void shouldSegmentAnMmsWithUnknownSizes() {
        JsonNode answer = json(estimates.mms(Fixtures.read("pinnacle/validate-mms.json",
                PinnacleWire.MmsContent.class)));

        ObjectNode expected = Fixtures.tree("pinnacle/validated-mms.json").deepCopy();
        // the hub never fetches media, so it does not know the 123456 bytes of Pinnacle's example
        ((ObjectNode) expected.path("segments").path("value").get(0)).put("size", 0);
        assertThat(answer).isEqualTo(expected);
    }

    @Test
    void shouldCutMmsFilesIntoMessagesOfTenAndListTheOnesItWouldNotSend() {
        List<String> files = IntStream.range(0, 12).mapToObj(i -> "https://example.com/" + i + ".jpg").toList();
        List<String> refused = List.of("https://10.0.0.7/a.jpg", "https://example.com/setup.exe");
        List<String> all = new ArrayList<>(files);
        all.addAll(1, refused);

        JsonNode answer = json(estimates.mms(new PinnacleWire.MmsContent(all, "Look")));

        JsonNode segments = answer.path("segments");
        assertThat(segments.path("count").asInt()).isEqualTo(2);
        assertThat(segments.path("unsupportedFiles")).extracting(JsonNode::asText).containsExactlyElementsOf(refused);
        assertThat(segments.path("value").get(0).path("files")).extracting(JsonNode::asText)
                .containsExactlyElementsOf(files.subList(0, 10));
        assertThat(segments.path("value").get(0).path("text").asText()).isEqualTo("Look");
        assertThat(segments.path("value").get(1).path("files")).hasSize(2);
        assertThat(segments.path("value").get(1).path("text").asText()).isEmpty();
        assertThat(answer.path("total").decimalValue()).isEqualByComparingTo("0.04");
    }

    @ParameterizedTest
    @ValueSource(strings = {"validate-rcs-text.json", "validate-rcs-media.json", "validate-rcs-cards.json"})
    void shouldPriceRcsContentAsOneMessage(String fixture) {
        JsonNode answer = json(estimates.rcs(Fixtures.read("pinnacle/" + fixture, PinnacleWire.RcsSend.class)));

        assertThat(answer).isEqualTo(Fixtures.tree("pinnacle/validated-rcs.json"));
    }

    @Test
    void shouldListRcsFilesItWouldNotSend() {
        PinnacleWire.RcsSend cards = new PinnacleWire.RcsSend(null, null, null, null, List.of(
                new PinnacleWire.Card("A", null, "https://example.com/a.avi", null),
                new PinnacleWire.Card("B", null, null, null),
                new PinnacleWire.Card("C", null, "https://127.0.0.1/c.jpg", null),
                new PinnacleWire.Card("D", null, "https://example.com/d.jpg", null)), null, null, null);

        JsonNode answer = json(estimates.rcs(cards));

        assertThat(answer.path("unsupportedFiles")).extracting(JsonNode::asText)
                .containsExactly("https://example.com/a.avi", "https://127.0.0.1/c.jpg");
    }
}

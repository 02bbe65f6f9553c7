package io.switchboard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.dialect.v1.V1SendRequest;
import io.switchboard.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The v1 sandbox carrier's own rules: v1's examples and the hub's v1 requests pass, each rule refuses its case. */
class V1SandboxRulesTest {

    /** What {@code <n items>} repeats: a chip. */
    private static final JsonNode CHIP = Fixtures.MAPPER.createObjectNode().set("reply",
            Fixtures.MAPPER.createObjectNode().put("text", "Yes"));

    private static List<String> problems(JsonNode request) {
        return RequestEdit.described(V1SandboxRules.problems(
                Fixtures.MAPPER.convertValue(request, V1SendRequest.class)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"fixtures/v1/send-text-with-suggestions.json", "fixtures/v1/rich-card-standalone.json",
        "fixtures/v1/rich-card-carousel.json", "fixtures/v1/sms.json", "golden/v1/send-text-with-suggestions.json",
        "golden/v1/rich-card-standalone.json", "golden/v1/rich-card-carousel.json", "golden/v1/sms.json",
        "golden/v1/v5-every-choice-type.json", "golden/v1/v5-rcs-card.json", "golden/v1/v5-rcs-carousel.json",
        "golden/v1/v5-rcs-media.json", "golden/v1/v5-rcs-text.json"})
    void shouldTakeV1sOwnExamplesAndTheRequestsTheHubWrites(String request) {
        JsonNode tree = request.startsWith("golden/") ? Fixtures.golden(request.substring(7))
                : Fixtures.tree(request.substring(9));

        assertThat(problems(tree)).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1} = {2}")
    @CsvSource(delimiter = '|', value = {
        "send-text-with-suggestions | /to | '\"4917612345678\"' | to: must be an E.164 phone number such as"
            + " +4917612345678",
        "send-text-with-suggestions | /to | REMOVE | to: is required",
        "send-text-with-suggestions | /channel_id | '\"ch_sms_xxxx\"' | channel_id: must not be given together with"
            + " agent_id",
        "sms | /channel_id | REMOVE | agent_id: is required (or channel_id to send an SMS)",
        "send-text-with-suggestions | /traffic_type | REMOVE | traffic_type: is required",
        "send-text-with-suggestions | /traffic_type | '\"TRANSACTIONAL\"' | traffic_type: must be one of"
            + " AUTHENTICATION, TRANSACTION, PROMOTION, SERVICEREQUEST, ACKNOWLEDGEMENT",
        "send-text-with-suggestions | /message_type | '\"BROADCAST\"' | message_type: must be one of MESSAGE,"
            + " CONVERSATION, NEWSLETTER",
        "send-text-with-suggestions | /ttl | '\"1h\"' | ttl: must be a duration in seconds such as \"3600s\"",
        "send-text-with-suggestions | /content | REMOVE | content: is required",
        "send-text-with-suggestions | /content/text | <3073 characters> | content.text: must be at most 3072"
            + " characters",
        "send-text-with-suggestions | /content/rich_card | '{\"standalone\": {\"content\": {\"title\": \"T\"}}}'"
            + " | content: must have exactly one of text and rich_card",
        "send-text-with-suggestions | /content/suggestions | <12 items> | content.suggestions: must have at most 11"
            + " suggestions",
        "send-text-with-suggestions | /content/suggestions/0/reply/text | <26 characters>"
            + " | content.suggestions[0].reply.text: must be at most 25 characters",
        "send-text-with-suggestions | /content/suggestions/0/reply/text | REMOVE"
            + " | content.suggestions[0].reply.text: is required",
        "send-text-with-suggestions | /content/suggestions/0/reply/postback_data | '\"not base64!\"'"
            + " | content.suggestions[0].reply.postback_data: must be base64",
        "send-text-with-suggestions | /content/suggestions/0 | {} | content.suggestions[0]: must have exactly one of"
            + " reply or action",
        "send-text-with-suggestions | /content/suggestions/1/action/dial | '{\"phone_number\": \"+4930123456\"}'"
            + " | content.suggestions[1].action: must have exactly one of dial, open_url, open_url_in_webview,"
            + " view_location, share_location, create_calendar_event",
        "send-text-with-suggestions | /content/suggestions/1/action/open_url/url | '\"ftp://x.example\"'"
            + " | content.suggestions[1].action.open_url.url: must be an http or https URL",
        "rich-card-standalone | /content/rich_card/carousel | '{\"cards\": []}' | content.rich_card: must have"
            + " exactly one of standalone and carousel",
        "rich-card-carousel | /content/rich_card/carousel/cards/1 | REMOVE"
            + " | content.rich_card.carousel.cards: must have 2 to 10 cards",
        "rich-card-carousel | /content/rich_card/carousel/card_width | '\"LARGE\"'"
            + " | content.rich_card.carousel.card_width: must be one of SMALL, MEDIUM",
        "rich-card-carousel | /content/rich_card/carousel/cards/0/title | <201 characters>"
            + " | content.rich_card.carousel.cards[0].title: must be at most 200 characters",
        "rich-card-carousel | /content/rich_card/carousel/cards/0/description | <2001 characters>"
            + " | content.rich_card.carousel.cards[0].description: must be at most 2000 characters",
        "rich-card-carousel | /content/rich_card/carousel/cards/0/media/url | '\"http://cdn.example/1.jpg\"'"
            + " | content.rich_card.carousel.cards[0].media.url: must be an https URL",
        "rich-card-carousel | /content/rich_card/carousel/cards/0/media/height | '\"HUGE\"'"
            + " | content.rich_card.carousel.cards[0].media.height: must be one of SHORT, MEDIUM, TALL",
        "rich-card-carousel | /content/rich_card/carousel/cards/0/suggestions | <5 items>"
            + " | content.rich_card.carousel.cards[0].suggestions: must have at most 4 suggestions",
        "sms | /content/text | REMOVE | content.text: is required",
        "sms | /content/suggestions | <1 items> | content.suggestions: are not possible in an SMS"})
    void shouldRefuseWhatV1Refuses(String fixture, String pointer, String value, String problem) {
        JsonNode request = RequestEdit.apply(Fixtures.tree("v1/" + fixture + ".json"), pointer, value, CHIP);

        assertThat(problems(request)).containsExactly(problem);
    }
}

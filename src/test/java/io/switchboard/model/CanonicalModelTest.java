package io.switchboard.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.testing.Fixtures;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalModelTest {

    private static final List<Suggestion> EVERY_SUGGESTION = List.of(
            new Suggestion.Reply("Yes", "yes"),
            new Suggestion.OpenUrl("Open", "open", URI.create("https://example.com"), Suggestion.UrlTarget.WEBVIEW,
                    Suggestion.WebviewMode.TALL),
            new Suggestion.Dial("Call", null, "+15551234567"),
            new Suggestion.ShowLocation("Map", "map", 37.7749, -122.4194, "Office"),
            new Suggestion.RequestLocation("Where?", "where"),
            new Suggestion.CreateCalendarEvent("Add", "add", OffsetDateTime.parse("2030-03-03T15:00:00+01:00"),
                    OffsetDateTime.parse("2030-03-03T16:00:00.250+01:00"), "Meeting", "Team meeting"));

    private static final Card CARD = new Card("Shoe", "$49",
            new Media(URI.create("https://example.com/s.jpg"), URI.create("https://example.com/t.jpg"), "s.jpg",
                    "image/jpeg"), CardHeight.MEDIUM, EVERY_SUGGESTION.subList(0, 4));

    private static final List<Content> EVERY_CONTENT = List.of(
            new TextContent("Hello", EVERY_SUGGESTION),
            new MediaContent(Media.of(URI.create("https://example.com/v.mp4")), List.of()),
            new CardContent(CARD, CardOrientation.HORIZONTAL, ImageAlignment.LEFT, EVERY_SUGGESTION.subList(0, 1)),
            new CarouselContent(CardWidth.SMALL, List.of(CARD, CARD), null),
            new SmsContent("Plain text"),
            new MmsContent("Look", "Subject", List.of(URI.create("https://example.com/a.jpg"))));

    @Test
    void shouldRoundTripEveryContentAndSuggestionVariantThroughJson() throws Exception {
        for (Content content : EVERY_CONTENT) {
            Message message = message(content, new FailoverPlan(new FailoverPlan.SmsLeg("+15550000000", "fallback"),
                    new FailoverPlan.MmsLeg("+15550000000", "fallback", List.of(URI.create("https://e.com/f.jpg")),
                            "Subject")));

            String json = Fixtures.MAPPER.writeValueAsString(message);
            Message back = Fixtures.MAPPER.readValue(json, Message.class);

            assertThat(back).isEqualTo(message);
            assertThat(back.channel()).isEqualTo(content.channel());
        }
    }

    @Test
    void shouldNameEachVariantInItsJson() {
        JsonNode card = Fixtures.toTree(message(EVERY_CONTENT.get(2), null)).path("content");
        assertThat(card.path("kind").asText()).isEqualTo("card");
        assertThat(card.path("card").path("suggestions").path(1).path("type").asText()).isEqualTo("open_url");
        assertThat(card.path("card").path("suggestions").path(1).path("webviewMode").asText()).isEqualTo("TALL");
    }

    @Test
    void shouldKeepTheOffsetOfCalendarTimes() throws Exception {
        Suggestion event = EVERY_SUGGESTION.get(5);
        Suggestion back = Fixtures.MAPPER.readValue(Fixtures.MAPPER.writeValueAsString(event), Suggestion.class);

        assertThat(((Suggestion.CreateCalendarEvent) back).start().getOffset().getTotalSeconds()).isEqualTo(3600);
    }

    @Test
    void shouldNeverHoldNullOrMutableLists() {
        List<Suggestion> mutable = new ArrayList<>(EVERY_SUGGESTION);
        TextContent text = new TextContent("Hi", mutable);
        mutable.clear();

        assertThat(text.suggestions()).hasSize(EVERY_SUGGESTION.size());
        assertThat(new TextContent("Hi", null).suggestions()).isEmpty();
        assertThat(message(new SmsContent("x"), null).failover().isEmpty()).isTrue();
        assertThatThrownBy(() -> text.suggestions().add(new Suggestion.Reply("a", "b")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void shouldDeriveTheChannelFromTheContent() {
        assertThat(EVERY_CONTENT.stream().map(Content::channel).toList()).containsExactly(
                Channel.RCS, Channel.RCS, Channel.RCS, Channel.RCS, Channel.SMS, Channel.MMS);
    }

    @Test
    void shouldRankStatusesSoThatALateSentNeverBeatsDelivered() {
        assertThat(EventType.SENT.statusRank()).isLessThan(EventType.DELIVERED.statusRank());
        assertThat(EventType.DELIVERED.statusRank()).isLessThan(EventType.READ.statusRank());
        assertThat(EventType.READ.statusRank()).isLessThan(EventType.FAILED.statusRank());
        assertThat(EventType.QUEUED.statusRank()).isZero();
        assertThat(EventType.USER_TYPING.changesStatus()).isFalse();
        assertThat(EventType.DELIVERED.statusWord()).isEqualTo("delivered");
        assertThat(EventType.fromWireName("conversation.started")).isEqualTo(EventType.CONVERSATION_STARTED);
    }

    @Test
    void shouldRoundTripDeliveryEventsUnderTheirWireNames() throws Exception {
        DeliveryEvent event = new DeliveryEvent(Ids.eventId(), EventType.DELIVERED, Instant.parse("2026-01-01T00:00:00Z"),
                Ids.messageId(), "demo", "sandbox-v5", "guid-1", Channel.RCS, null, null);

        JsonNode tree = Fixtures.toTree(event);
        assertThat(tree.path("type").asText()).isEqualTo("message.delivered");
        assertThat(Fixtures.MAPPER.treeToValue(tree, DeliveryEvent.class)).isEqualTo(event);
        assertThat(event.dedupeKey()).isEqualTo(event.messageId() + ":guid-1:message.delivered");
    }

    @Test
    void shouldIssueTimeOrderedIdsWithoutDots() {
        String first = Ids.messageId();
        String second = Ids.messageId();

        assertThat(first).matches("msg_[0-9a-z]{26}");
        assertThat(second).isGreaterThan(first);
        assertThat(Ids.eventId()).startsWith("evt_").doesNotContain(".");
        assertThat(Ids.webhookId()).startsWith("wh_");
    }

    private static Message message(Content content, FailoverPlan failover) {
        return new Message(Ids.messageId(), "demo", Dialect.V1, "key-1", "agent_acme", "+15559876543", content,
                failover, URI.create("https://client.example/cb"), Duration.ofHours(1),
                Instant.parse("2030-01-01T09:00:00Z"), Map.of("v1.traffic_type", "TRANSACTION"),
                Instant.parse("2026-11-22T10:00:00.123Z"));
    }
}

package io.switchboard.dialect.pinnacle;

import static java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME;

import io.switchboard.api.FieldPath;
import io.switchboard.model.Suggestion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Canonical suggestions as Pinnacle buttons, for carrier requests and for {@code GET /messages/{id}}: the inverse of
 * {@link PinnacleRcsToCanonical}'s reading. Pinnacle has a payload on {@code trigger} only, so the postback data of
 * every other suggestion has nowhere to go, and a reply without one posts back its own label (Pinnacle requires a
 * payload). A webview without a mode opens {@code FULL}, the mode a Pinnacle button must name.
 */
final class PinnacleButtons {

    private PinnacleButtons() {
    }

    /**
     * The buttons at {@code path} ({@code quickReplies}, {@code cards[0].buttons}), each with the {@code metadata} the
     * message kept for that path, if any.
     */
    static List<PinnacleWire.Button> of(List<Suggestion> suggestions, FieldPath path, Map<String, String> metadata) {
        List<PinnacleWire.Button> buttons = new ArrayList<>(suggestions.size());
        for (int i = 0; i < suggestions.size(); i++) {
            String buttonMetadata = metadata.get(PinnacleRcsToCanonical.buttonMetadataKey(path.index(i)));
            buttons.add(button(suggestions.get(i), buttonMetadata));
        }
        return buttons;
    }

    private static PinnacleWire.Button button(Suggestion suggestion, String metadata) {
        String title = suggestion.text();
        if (suggestion instanceof Suggestion.Reply reply) {
            String payload = reply.postbackData() == null ? title : reply.postbackData();
            return new PinnacleWire.Button("trigger", title, payload, metadata, null, null, null, null, null, null,
                    null);
        }
        if (suggestion instanceof Suggestion.OpenUrl open) {
            String webviewMode = open.target() != Suggestion.UrlTarget.WEBVIEW ? null
                    : open.webviewMode() == null ? Suggestion.WebviewMode.FULL.name() : open.webviewMode().name();
            return new PinnacleWire.Button("openUrl", title, open.url().toString(), metadata, webviewMode, null,
                    null, null, null, null, null);
        }
        if (suggestion instanceof Suggestion.Dial dial) {
            return new PinnacleWire.Button("call", title, dial.phoneNumber(), metadata, null, null, null, null, null,
                    null, null);
        }
        if (suggestion instanceof Suggestion.ShowLocation location) {
            return new PinnacleWire.Button("sendLocation", title, null, metadata, null, null, null, null, null,
                    new PinnacleWire.LatLong(location.latitude(), location.longitude()), location.label());
        }
        if (suggestion instanceof Suggestion.RequestLocation) {
            return new PinnacleWire.Button("requestUserLocation", title, null, metadata, null, null, null, null, null,
                    null, null);
        }
        Suggestion.CreateCalendarEvent event = (Suggestion.CreateCalendarEvent) suggestion;
        return new PinnacleWire.Button("scheduleEvent", title, null, metadata, null, event.title(),
                ISO_OFFSET_DATE_TIME.format(event.start()), ISO_OFFSET_DATE_TIME.format(event.end()),
                event.description(), null, null);
    }
}

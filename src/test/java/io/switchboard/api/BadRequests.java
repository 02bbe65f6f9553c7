package io.switchboard.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.testing.BodyMutations;
import io.switchboard.testing.CarrierCallbacks;
import io.switchboard.testing.Fixtures;
import io.switchboard.testing.HubClient;
import io.switchboard.testing.RawHttp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.function.ToIntFunction;
import net.jqwik.api.RandomGenerator;

/**
 * Bad requests for every kind of endpoint of the hub, drawn from one seeded {@link Random}, so a seed gives the same
 * requests again: client requests in the three dialects and webhook subscriptions, carrier callbacks signed and
 * forged, the sandbox's inbox and carriers, reads by id and the operator endpoints. Every one is refused by design
 * (4xx): a wrong JSON type, a field named twice, bytes that are not UTF-8 or not JSON, a missing or oversized field, an
 * oversized body, a form or another content type, missing or wrong credentials, a header line Tomcat refuses.
 * Bodies are variations of the valid fixtures ({@link BodyMutations}); nothing valid is ever sent with valid
 * credentials, so nothing may be recorded or enqueued.
 */
final class BadRequests {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String JSON = "application/json";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final List<String> NOT_JSON_TYPES = List.of("text/plain", "application/xml", "text/html",
            "multipart/form-data; boundary=x", "application/octet-stream", "application/jsonx");
    /** Over switchboard.api.max-body-size (256 KiB). */
    private static final int OVER_THE_BODY_LIMIT = 300 * 1024;
    /** Longer than any field the hub keeps is allowed to be. */
    private static final int OVER_ANY_FIELD_LIMIT = 5000;

    /**
     * One bad request: which endpoint, what is wrong with it, and how it is sent.
     *
     * @param summary the request as sent, shortened, for a failure message
     */
    record BadRequest(String endpoint, String kind, String summary, ToIntFunction<HubClient> send) {

        @Override
        public String toString() {
            return endpoint + ", " + kind + ": " + summary;
        }
    }

    /**
     * An endpoint taking a JSON body: where, a valid body, the credential that admits a caller and the fields a body
     * needs and the fields the hub bounds.
     */
    private record JsonEndpoint(String name, String path, JsonNode valid, List<String> credential,
            List<String> required, List<String> bounded, RandomGenerator<BodyMutations.Mutation> invalid) {

        JsonEndpoint(String name, String path, JsonNode valid, List<String> credential, List<String> required,
                List<String> bounded) {
            this(name, path, valid, credential, required, bounded, BodyMutations.invalid(valid).generator(1000));
        }
    }

    private final Random random;
    private final int port;
    private final CarrierCallbacks callbacks;
    private final List<JsonEndpoint> clientEndpoints;
    private final List<RandomGenerator<BodyMutations.Mutation>> callbackMutations;
    private final List<String> credentialsUsed = new ArrayList<>();

    /** @param callbacks how callbacks are signed, and the path of a real v5 leg */
    BadRequests(long seed, CarrierCallbacks callbacks) {
        this.random = new Random(seed);
        this.port = callbacks.port();
        this.callbacks = callbacks;
        List<String> v1 = List.of("Authorization", "Bearer sk_dev_v1");
        List<String> v5 = List.of("Authorization", basic("dev:sk_dev_v5"));
        List<String> pinnacle = List.of("PINNACLE-API-KEY", "sk_dev_pinnacle");
        ObjectNode webhook = NODES.objectNode().put("url", "https://203.0.113.10/hooks/switchboard");
        webhook.putArray("events").add("message.delivered");
        this.clientEndpoints = List.of(
                new JsonEndpoint("v1 send", "/v1/messages", Fixtures.tree("v1/send-text-with-suggestions.json"), v1,
                        List.of("to", "content"), List.of("to", "agent_id")),
                new JsonEndpoint("v1 send", "/v1/messages", Fixtures.tree("v1/rich-card-carousel.json"), v1,
                        List.of("to", "content"), List.of("to", "agent_id")),
                new JsonEndpoint("v1 send", "/v1/messages", Fixtures.tree("v1/sms.json"), v1,
                        List.of("to"), List.of("to", "channel_id")),
                new JsonEndpoint("v1 webhooks", "/v1/webhooks", webhook, v1, List.of("url", "events"),
                        List.of("url")),
                // v5 states no limit for messageText (docs/dialects/v5.md), so a long one is no bad input
                new JsonEndpoint("v5 send", "/v5/messages", Fixtures.tree("v5/seed/rcs-text.json"), v5,
                        List.of("messageType", "destination"), List.of("destination", "source")),
                new JsonEndpoint("v5 send", "/v5/messages", Fixtures.tree("v5/seed/rcs-carousel.json"), v5,
                        List.of("messageType", "destination"), List.of("destination", "source")),
                new JsonEndpoint("pinnacle send", "/messages/send/sms", Fixtures.tree("pinnacle/send-sms.json"),
                        pinnacle, List.of("to", "from"), List.of("to", "from", "text")),
                new JsonEndpoint("pinnacle send", "/messages/send/mms", Fixtures.tree("pinnacle/send-mms.json"),
                        pinnacle, List.of("to", "from"), List.of("to", "from")),
                new JsonEndpoint("pinnacle send", "/messages/send/rcs", Fixtures.tree("pinnacle/send-rcs-cards.json"),
                        pinnacle, List.of("to", "from"), List.of("to", "from")),
                new JsonEndpoint("pinnacle validate", "/messages/validate/sms",
                        Fixtures.tree("pinnacle/validate-sms.json"), pinnacle, List.of("text"), List.of()),
                new JsonEndpoint("pinnacle validate", "/messages/validate/rcs",
                        Fixtures.tree("pinnacle/validate-rcs-text.json"), pinnacle, List.of("text"), List.of()));
        this.callbackMutations = CarrierCallbacks.CARRIERS.stream()
                .map(carrier -> BodyMutations.malformed(tree(CarrierCallbacks.deliveredBody(carrier, "msg_x")))
                        .generator(1000))
                .toList();
    }

    /** Every credential value the requests carried, valid or not: none of them may reach a log line. */
    List<String> credentialsUsed() {
        return credentialsUsed;
    }

    BadRequest next() {
        return switch (random.nextInt(20)) {
            case 0, 1, 2, 3, 4, 5, 6, 7 -> client(pick(clientEndpoints));
            case 8, 9, 10, 11 -> signedCallback(random.nextInt(CarrierCallbacks.CARRIERS.size()));
            case 12, 13 -> forgedCallback(random.nextInt(CarrierCallbacks.CARRIERS.size()));
            case 14, 15 -> sandbox();
            case 16, 17 -> read();
            default -> operations();
        };
    }

    private BadRequest client(JsonEndpoint endpoint) {
        byte[] valid = bytes(endpoint.valid());
        List<String> json = with(endpoint.credential(), "Content-Type", JSON);
        return switch (random.nextInt(16)) {
            case 0, 1, 2, 3, 4, 5 -> {
                BodyMutations.Mutation mutation = endpoint.invalid().next(random).value();
                yield post(endpoint.name(), mutation.description(), endpoint.path(), mutation.body(), json);
            }
            case 6 -> {
                ObjectNode missing = endpoint.valid().deepCopy();
                String field = pick(endpoint.required());
                missing.remove(field);
                yield post(endpoint.name(), "without " + field, endpoint.path(), bytes(missing), json);
            }
            case 7 -> {
                if (endpoint.bounded().isEmpty()) {
                    yield post(endpoint.name(), "over the body limit", endpoint.path(), oversized(endpoint.valid()),
                            json);
                }
                ObjectNode tooLong = endpoint.valid().deepCopy();
                String field = pick(endpoint.bounded());
                tooLong.put(field, text(OVER_ANY_FIELD_LIMIT + random.nextInt(OVER_ANY_FIELD_LIMIT)));
                yield post(endpoint.name(), field + " too long", endpoint.path(), bytes(tooLong), json);
            }
            case 8 -> post(endpoint.name(), "over the body limit", endpoint.path(), oversized(endpoint.valid()), json);
            case 9, 10 -> {
                String type = pick(NOT_JSON_TYPES);
                yield post(endpoint.name(), "declared " + type, endpoint.path(), valid,
                        with(endpoint.credential(), "Content-Type", type));
            }
            case 11 -> post(endpoint.name(), "without a Content-Type", endpoint.path(), valid, endpoint.credential());
            case 12 -> post(endpoint.name(), "a garbled form", endpoint.path(), form(valid),
                    with(endpoint.credential(), "Content-Type", FORM));
            case 13 -> post(endpoint.name(), "not JSON", endpoint.path(), garbage(), json);
            case 14 -> post(endpoint.name(), "wrong credentials", endpoint.path(), valid,
                    with(List.of(endpoint.credential().get(0), wrongCredential(endpoint.credential().get(1))),
                            "Content-Type", JSON));
            default -> random.nextBoolean()
                    ? post(endpoint.name(), "no credentials", endpoint.path(), valid, List.of("Content-Type", JSON))
                    : rawHeaderLine(endpoint);
        };
    }

    /** A callback the carrier signed whose body is not one the hub can take. */
    private BadRequest signedCallback(int carrierIndex) {
        String carrier = CarrierCallbacks.CARRIERS.get(carrierIndex);
        String endpoint = "callback " + carrier + " signed";
        return switch (random.nextInt(7)) {
            case 0, 1, 2 -> {
                BodyMutations.Mutation mutation = callbackMutations.get(carrierIndex).next(random).value();
                yield callback(endpoint, mutation.description(), carrier, mutation.body(), JSON, true);
            }
            case 3 -> callback(endpoint, "carrier id too long", carrier, CarrierCallbacks.deliveredBody(carrier,
                    text(129 + random.nextInt(70_000))), JSON, true);
            case 4 -> callback(endpoint, "over the body limit", carrier,
                    oversized(tree(CarrierCallbacks.deliveredBody(carrier, "msg_x"))), JSON, true);
            case 5 -> callback(endpoint, "a garbled form", carrier,
                    form(CarrierCallbacks.deliveredBody(carrier, "msg_x")), FORM, true);
            default -> callback(endpoint, "not JSON", carrier, garbage(), pick(List.of(JSON, "text/plain")), true);
        };
    }

    /** A callback signed with a key no carrier has, with a good body or a bad one. */
    private BadRequest forgedCallback(int carrierIndex) {
        String carrier = CarrierCallbacks.CARRIERS.get(carrierIndex);
        byte[] body = random.nextBoolean() ? CarrierCallbacks.deliveredBody(carrier, "msg_" + random.nextInt())
                : callbackMutations.get(carrierIndex).next(random).value().body();
        return callback("callback " + carrier + " forged", "forged signature", carrier, body, JSON, false);
    }

    private BadRequest sandbox() {
        String name = URLEncoder.encode(text(1 + random.nextInt(40)), StandardCharsets.UTF_8);
        return switch (random.nextInt(5)) {
            case 0 -> post("sandbox inbox", "unsigned", "/sandbox/webhook-inbox/" + name, garbage(),
                    List.of("Content-Type", JSON));
            case 1 -> post("sandbox inbox", "a made-up signature", "/sandbox/webhook-inbox/" + name,
                    bytes(NODES.objectNode().put("id", "evt_1")), List.of("Content-Type", JSON, "webhook-id", "evt_1",
                            "webhook-timestamp", Long.toString(System.currentTimeMillis() / 1000),
                            "webhook-signature", "v1," + Base64.getEncoder().encodeToString(text(32).getBytes(
                                    StandardCharsets.UTF_8))));
            case 2 -> post("sandbox inbox", "over the body limit", "/sandbox/webhook-inbox/" + name,
                    oversized(NODES.objectNode().put("id", "evt_1")), List.of("Content-Type", JSON));
            case 3 -> post("sandbox carrier", "wrong credentials", "/sandbox/v5/messages",
                    bytes(Fixtures.tree("v5/seed/rcs-text.json")), List.of("Content-Type", JSON, "Authorization",
                            wrongCredential(basic("sandbox:sandbox-v5-secret"))));
            default -> post("sandbox carrier", "not JSON", pick(List.of("/sandbox/v5/messages",
                    "/sandbox/pinnacle/messages/send/sms", "/sandbox/v1/v1/messages")), garbage(),
                    List.of("Content-Type", JSON));
        };
    }

    /** Reads and deletes by an id the hub never issued. */
    private BadRequest read() {
        String id = URLEncoder.encode(pick(List.of("msg_" + text(10), text(1 + random.nextInt(300)), "..%2F..",
                "msg_%00", "wh_" + text(20))), StandardCharsets.UTF_8);
        List<String> v1 = List.of("Authorization", "Bearer sk_dev_v1");
        return switch (random.nextInt(5)) {
            case 0 -> get("v1 read", "an unknown id", "/v1/messages/" + id, v1);
            case 1 -> delete("v1 revoke", "an unknown id", "/v1/messages/" + id, v1);
            case 2 -> delete("v1 webhooks", "an unknown id", "/v1/webhooks/" + id, v1);
            case 3 -> get("pinnacle read", "an unknown id", "/messages/" + id,
                    List.of("PINNACLE-API-KEY", "sk_dev_pinnacle"));
            default -> get("v1 read", "wrong credentials", "/v1/messages/" + id,
                    List.of("Authorization", wrongCredential("Bearer sk_dev_v1")));
        };
    }

    /** The operator endpoints, without the login or with the login and a bad request. */
    private BadRequest operations() {
        String operator = basic("admin:admin");
        return switch (random.nextInt(5)) {
            case 0 -> get("operations", "no login", pick(List.of("/actuator/deadletters", "/actuator/routing",
                    "/actuator/prometheus", "/actuator/jolokia/list", "/actuator/hawtio/", "/api-docs",
                    "/sandbox/carrier-requests", "/sandbox/carrier-callbacks")), List.of());
            case 1 -> get("operations", "wrong login", "/actuator/deadletters",
                    List.of("Authorization", wrongCredential(operator)));
            case 2 -> post("operations", "replay of an unknown dead letter", "/actuator/deadletters/"
                    + URLEncoder.encode(text(1 + random.nextInt(60)), StandardCharsets.UTF_8), garbage(),
                    List.of("Authorization", operator, "Content-Type", JSON));
            case 3 -> post("operations", "Jolokia without the page's token", "/actuator/jolokia", garbage(),
                    List.of("Authorization", operator, "Content-Type", JSON));
            default -> post("operations", "no login", "/actuator/deadletters/x", garbage(),
                    List.of("Content-Type", JSON));
        };
    }

    /** A request whose credential header line Tomcat refuses (a space before the colon, a control character). */
    private BadRequest rawHeaderLine(JsonEndpoint endpoint) {
        String name = endpoint.credential().get(0);
        String value = random.nextBoolean() ? endpoint.credential().get(1) : wrongCredential(endpoint.credential()
                .get(1));
        credentialsUsed.add(value);
        String line = random.nextBoolean() ? name + " :" + value : name + ":" + value.charAt(0) + "\u0001"
                + value.substring(1);
        byte[] body = bytes(endpoint.valid());
        String request = "POST " + endpoint.path() + " HTTP/1.1\r\nHost: localhost\r\n" + line
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\nConnection: close"
                + "\r\n\r\n" + new String(body, StandardCharsets.ISO_8859_1);
        return new BadRequest(endpoint.name(), "a header line Tomcat refuses", shortened(request, 300),
                hub -> RawHttp.status(RawHttp.exchange(port, request)));
    }

    private BadRequest callback(String endpoint, String kind, String carrier, byte[] body, String contentType,
            boolean genuine) {
        // signed when sent, over exactly these bytes
        return new BadRequest(endpoint, kind, summary("POST", "/callbacks/" + carrier, List.of(), body),
                hub -> (genuine ? callbacks.signed(carrier, body, "Content-Type", contentType)
                        : callbacks.forged(carrier, body, "Content-Type", contentType)).status());
    }

    private BadRequest post(String endpoint, String kind, String path, byte[] body, List<String> headers) {
        noteCredentials(headers);
        return new BadRequest(endpoint, kind, summary("POST", path, headers, body),
                hub -> hub.post(path, body, headers.toArray(String[]::new)).status());
    }

    private BadRequest get(String endpoint, String kind, String path, List<String> headers) {
        noteCredentials(headers);
        return new BadRequest(endpoint, kind, summary("GET", path, headers, new byte[0]),
                hub -> hub.get(path, headers.toArray(String[]::new)).status());
    }

    private BadRequest delete(String endpoint, String kind, String path, List<String> headers) {
        noteCredentials(headers);
        return new BadRequest(endpoint, kind, summary("DELETE", path, headers, new byte[0]),
                hub -> hub.delete(path, headers.toArray(String[]::new)).status());
    }

    private static String summary(String method, String path, List<String> headers, byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return method + " " + shortened(path, 200) + " " + headers + " " + shortened(text, 300);
    }

    private static String shortened(String text, int length) {
        return text.length() > length ? text.substring(0, length) + "…" : text;
    }

    private void noteCredentials(List<String> headers) {
        for (int i = 0; i < headers.size(); i += 2) {
            if (!headers.get(i).equalsIgnoreCase("Content-Type")) {
                credentialsUsed.add(headers.get(i + 1));
            }
        }
    }

    /** A credential of the same form as the valid one, with a random secret in place of its own. */
    private String wrongCredential(String valid) {
        String secret = "sk_wrong_" + Long.toHexString(random.nextLong());
        if (valid.startsWith("Basic ")) {
            return basic("dev:" + secret);
        }
        return valid.startsWith("Bearer ") ? "Bearer " + secret : secret;
    }

    private byte[] oversized(JsonNode valid) {
        ObjectNode padded = valid.deepCopy();
        padded.put("padding", "x".repeat(OVER_THE_BODY_LIMIT + random.nextInt(OVER_THE_BODY_LIMIT)));
        return bytes(padded);
    }

    /** Bytes that are not JSON: nothing, a JSON scalar or array, text, or random bytes. */
    private byte[] garbage() {
        return switch (random.nextInt(6)) {
            case 0 -> new byte[0];
            case 1 -> pick(List.of("null", "[]", "[1,2]", "1", "\"text\"", "true", "{", "}", "{}{}"))
                    .getBytes(StandardCharsets.UTF_8);
            case 2 -> text(1 + random.nextInt(200)).getBytes(StandardCharsets.UTF_8);
            default -> {
                byte[] bytes = new byte[1 + random.nextInt(500)];
                random.nextBytes(bytes);
                yield bytes;
            }
        };
    }

    /** A form body: the JSON itself (no key=value pair), pairs with broken escapes, or random bytes. */
    private byte[] form(byte[] json) {
        return switch (random.nextInt(3)) {
            case 0 -> json;
            case 1 -> ("to=%" + text(2) + "&text=" + text(20) + "&=%zz&%").getBytes(StandardCharsets.UTF_8);
            default -> garbage();
        };
    }

    /** Printable and unprintable characters of the Basic Multilingual Plane, no surrogates. */
    private String text(int length) {
        StringBuilder out = new StringBuilder(length);
        while (out.length() < length) {
            char c = (char) (random.nextBoolean() ? 32 + random.nextInt(95) : random.nextInt(0xD800));
            out.append(c);
        }
        return out.toString();
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    private static List<String> with(List<String> headers, String... more) {
        List<String> all = new ArrayList<>(headers);
        all.addAll(Arrays.asList(more));
        return all;
    }

    private static String basic(String login) {
        return "Basic " + Base64.getEncoder().encodeToString(login.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] bytes(JsonNode node) {
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode tree(byte[] json) {
        try {
            return Fixtures.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.switchboard.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A webhook endpoint on loopback that keeps every request it gets, with the time it came; can be told to fail the
 * first few, or to answer the next ones with a given status and headers.
 */
public final class WebhookReceiver implements AutoCloseable {

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final AtomicReference<String> refuseOnceContaining = new AtomicReference<>();
    private final Queue<Answer> scripted = new ConcurrentLinkedQueue<>();

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hooks", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String text = new String(body, StandardCharsets.UTF_8);
            String refused = refuseOnceContaining.get();
            boolean refuseThis = refused != null && text.contains(refused)
                    && refuseOnceContaining.compareAndSet(refused, null);
            Answer answer = refuseThis ? null : scripted.poll();
            int status = refuseThis ? 503 : answer != null ? answer.status()
                    : failuresLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0 ? 503 : 204;
            received.add(new Received(HttpHeaders.of(exchange.getRequestHeaders(), (name, value) -> true),
                    text, status, Instant.now()));
            if (answer != null) {
                answer.headers().forEach(exchange.getResponseHeaders()::add);
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    /** The next {@code count} requests are answered 503. */
    public void failNext(int count) {
        failuresLeft.set(count);
    }

    /**
     * The first request whose body contains this text is answered 503, whatever else comes meanwhile: other tests'
     * messages reach a subscriber of the same tenant too.
     */
    public void failFirstContaining(String text) {
        refuseOnceContaining.set(text);
    }

    /** The next request is answered with this status and these response headers (name, value pairs). */
    public void answerNext(int status, String... headers) {
        Map<String, String> named = new LinkedHashMap<>();
        for (int i = 0; i < headers.length; i += 2) {
            named.put(headers[i], headers[i + 1]);
        }
        scripted.add(new Answer(status, named));
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** Every request about this message, accepted or not. */
    public List<Received> attemptsAbout(String messageId) {
        return received.stream()
                .filter(request -> request.json().path("data").path("message_id").asText().equals(messageId))
                .toList();
    }

    /** The accepted requests whose payload is about this message and event. */
    public List<Received> about(String messageId, String event) {
        return attemptsAbout(messageId).stream()
                .filter(request -> request.answeredWith() < 300 && request.json().path("event").asText().equals(event))
                .toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private record Answer(int status, Map<String, String> headers) {
    }

    /**
     * @param answeredWith the HTTP status this receiver answered
     * @param at           when the request came
     */
    public record Received(HttpHeaders headers, String body, int answeredWith, Instant at) {

        public JsonNode json() {
            try {
                return Fixtures.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }
}

package io.switchboard.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Real HTTP on loopback to the hub under test. */
public final class HubClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final int port;

    public HubClient(int port) {
        this.port = port;
    }

    /** {@code headers} are name, value pairs. */
    public Response post(String path, byte[] body, String... headers) {
        return send(request(path, headers).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public Response postJson(String path, Object body, String... headers) {
        return sendJson("POST", path, body, headers);
    }

    public Response patchJson(String path, Object body, String... headers) {
        return sendJson("PATCH", path, body, headers);
    }

    private Response sendJson(String method, String path, Object body, String... headers) {
        try {
            byte[] json = body instanceof byte[] bytes ? bytes : Fixtures.MAPPER.writeValueAsBytes(body);
            String[] withType = new String[headers.length + 2];
            withType[0] = "Content-Type";
            withType[1] = "application/json";
            System.arraycopy(headers, 0, withType, 2, headers.length);
            return send(request(path, withType).method(method, HttpRequest.BodyPublishers.ofByteArray(json)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Response get(String path, String... headers) {
        return send(request(path, headers).GET());
    }

    public Response delete(String path, String... headers) {
        return send(request(path, headers).DELETE());
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request;
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            return new Response(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Response(HttpResponse<byte[]> raw) {

        public int status() {
            return raw.statusCode();
        }

        public JsonNode json() {
            try {
                return Fixtures.MAPPER.readTree(raw.body());
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON: " + new String(raw.body()), e);
            }
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return raw.statusCode() + " " + new String(raw.body());
        }
    }
}

package io.switchboard.testing.prodstack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The load balancer in front of several hubs, on loopback: each request goes to the next hub in turn, and to the one
 * after it when that hub refuses the connection (it is down), as a balancer's health checks would steer it. Carriers'
 * callbacks and clients reach every hub through it, so it is every hub's public base URL. A hub that takes the
 * request and then fails is not retried: the caller sees no answer, as behind a real balancer.
 */
public final class LoopbackBalancer implements AutoCloseable {

    /** Headers the JDK's client sets itself, and those that belong to one hop. */
    private static final Set<String> HOP_HEADERS = Set.of("connection", "content-length", "expect", "host",
            "upgrade", "transfer-encoding", "keep-alive");
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(60);

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(32);
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final List<String> hubBaseUrls;
    private final AtomicInteger next = new AtomicInteger();

    private LoopbackBalancer(HttpServer server, List<String> hubBaseUrls) {
        this.server = server;
        this.hubBaseUrls = List.copyOf(hubBaseUrls);
    }

    /** Listens on {@code port} and spreads requests over the hubs at these base URLs. */
    public static LoopbackBalancer start(int port, List<String> hubBaseUrls) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 128);
            LoopbackBalancer balancer = new LoopbackBalancer(server, hubBaseUrls);
            server.createContext("/", balancer::forward);
            server.setExecutor(balancer.threads);
            server.start();
            return balancer;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot listen on port " + port, e);
        }
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            int first = Math.floorMod(next.getAndIncrement(), hubBaseUrls.size());
            for (int tried = 0; tried < hubBaseUrls.size(); tried++) {
                String hub = hubBaseUrls.get((first + tried) % hubBaseUrls.size());
                try {
                    answer(exchange, client.send(request(exchange, hub, body),
                            HttpResponse.BodyHandlers.ofByteArray()));
                    return;
                } catch (ConnectException refused) {
                    // that hub is down: the next one
                } catch (HttpTimeoutException e) {
                    break;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            exchange.sendResponseHeaders(502, -1);
        }
    }

    private static HttpRequest request(HttpExchange exchange, String hub, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(hub + exchange.getRequestURI()))
                .timeout(ANSWER_TIMEOUT)
                .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
            if (!HOP_HEADERS.contains(header.getKey().toLowerCase())) {
                header.getValue().forEach(value -> request.header(header.getKey(), value));
            }
        }
        return request.build();
    }

    private static void answer(HttpExchange exchange, HttpResponse<byte[]> response) throws IOException {
        response.headers().map().forEach((name, values) -> {
            if (!HOP_HEADERS.contains(name.toLowerCase()) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        byte[] body = response.body();
        exchange.sendResponseHeaders(response.statusCode(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Where clients and carriers reach the hubs. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}

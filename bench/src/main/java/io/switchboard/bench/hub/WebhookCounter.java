package io.switchboard.bench.hub;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;

/**
 * The subscriber at the end of the end-to-end path: takes every webhook on loopback, answers 204 and counts them.
 * It keeps nothing else, so at thousands a second it costs the shared cores little.
 */
final class WebhookCounter implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService workers = Executors.newFixedThreadPool(4);
    private final LongAdder received = new LongAdder();

    WebhookCounter() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(workers);
        server.createContext("/hooks", exchange -> {
            exchange.getRequestBody().readAllBytes();
            received.increment();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    long received() {
        return received.sum();
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}

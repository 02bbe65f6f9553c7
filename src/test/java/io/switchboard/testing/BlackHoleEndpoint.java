package io.switchboard.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook endpoint that is there and never answers: it accepts connections on loopback and reads what is sent until
 * the caller gives up. It counts the connections open at once.
 */
public final class BlackHoleEndpoint implements AutoCloseable {

    private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger mostOpen = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();

    public BlackHoleEndpoint() throws IOException {
        daemon("black-hole", this::accept).start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getLocalPort() + "/hooks";
    }

    public int requestsTaken() {
        return requests.get();
    }

    public int openNow() {
        return open.get();
    }

    public int mostOpenAtOnce() {
        return mostOpen.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket connection = server.accept();
                connections.add(connection);
                mostOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
                daemon("black-hole-connection", () -> drain(connection)).start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void drain(Socket connection) {
        try (InputStream in = connection.getInputStream()) {
            if (in.read() != -1) {
                requests.incrementAndGet();
            }
            // open until the hub gives up on this post and closes its end
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException closedByUs) {
            // the test is over
        } finally {
            open.decrementAndGet();
        }
    }

    private static Thread daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        return thread;
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket connection : connections) {
            connection.close();
        }
    }
}

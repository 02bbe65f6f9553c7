package io.switchboard.testing.prodstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Ports chosen at run time, so parallel builds and other engineers' processes on the machine never collide. */
public final class FreePorts {

    private FreePorts() {
    }

    /** A loopback port nothing listens on now; the caller binds it soon, before anyone else picks it. */
    public static int next() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

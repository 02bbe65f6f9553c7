package io.switchboard.testing.prodstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports chosen at run time for processes the tests start, so parallel builds and other processes on the machine never
 * collide.
 *
 * <p>They come from below the kernel's ephemeral range: a port the kernel hands out for {@code bind(0)} is also what
 * it gives the next outgoing connection, and under a load test's thousands of connections one took the carriers' port
 * in the moment between choosing it and the process binding it (CI, 2026-12-05). No outgoing connection ever gets a
 * port outside that range.
 */
public final class FreePorts {

    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final int LOWEST = 20_000;
    private static final int LINUX_EPHEMERAL_START = 32_768;
    private static final int ATTEMPTS = 1_000;
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private FreePorts() {
    }

    /** A loopback port nothing listens on now and this JVM has not handed out before; the caller binds it soon. */
    public static int next() {
        int highest = ephemeralStart() - 1;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, highest + 1);
            if (!HANDED_OUT.contains(port) && bindable(port) && HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("No free loopback port between " + LOWEST + " and " + highest);
    }

    static int ephemeralStart() {
        try {
            int start = Integer.parseInt(Files.readString(EPHEMERAL_RANGE).trim().split("\\s+")[0]);
            return start > LOWEST + 1_000 ? start : LINUX_EPHEMERAL_START;
        } catch (IOException | RuntimeException notLinux) {
            return LINUX_EPHEMERAL_START;
        }
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException inUse) {
            return false;
        }
    }
}

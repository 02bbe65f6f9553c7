package io.switchboard.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * HTTP written by hand on a socket, for requests no HTTP client sends: header lines that break RFC 9110, control
 * characters, request targets with characters a URI cannot hold.
 */
public final class RawHttp {

    private RawHttp() {
    }

    /** Sends the request's characters as ISO-8859-1 bytes and returns the whole answer up to the close. */
    public static String exchange(int port, String request) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The status code of an answer {@link #exchange} returned, or -1 when there was none. */
    public static int status(String answer) {
        String[] statusLine = answer.lines().findFirst().orElse("").split(" ");
        return statusLine.length > 1 && statusLine[1].matches("\\d{3}") ? Integer.parseInt(statusLine[1]) : -1;
    }
}

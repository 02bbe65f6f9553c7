package io.switchboard.bench.hub;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP/1.1 connection kept open across requests, written and read by hand: the load generator shares the hub's
 * two cores, so its own cost per request has to be a socket write and a header scan, not an HTTP client's machinery.
 * Reads Content-Length and chunked answers; opens the connection again after the server closes it.
 */
final class KeepAliveConnection implements AutoCloseable {

    private static final int TIMEOUT_MS = 30_000;

    private final String host;
    private final int port;
    private Socket socket;
    private OutputStream out;
    private InputStream in;

    KeepAliveConnection(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** Sends one request (its head and body as given) and returns the answer's status code; the body is skipped. */
    int exchange(byte[] request) throws IOException {
        if (socket == null) {
            open();
        }
        try {
            out.write(request);
            out.flush();
            return readAnswer();
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private void open() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(TIMEOUT_MS);
        socket.connect(new InetSocketAddress(host, port), TIMEOUT_MS);
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
    }

    private int readAnswer() throws IOException {
        String statusLine = line();
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean closing = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            String name = header.substring(0, colon).trim();
            String value = header.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) {
                chunked = true;
            } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
                closing = true;
            }
        }
        if (chunked) {
            for (long chunk = Long.parseLong(line().split(";")[0].trim(), 16); chunk > 0;
                    chunk = Long.parseLong(line().split(";")[0].trim(), 16)) {
                skip(chunk);
                line();
            }
            line();
        } else if (length > 0) {
            skip(length);
        }
        if (closing) {
            close();
        }
        return status;
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int read = in.read(); read != '\n'; read = in.read()) {
            if (read < 0) {
                throw new IOException("The server closed the connection mid-answer");
            }
            if (read != '\r') {
                line.append((char) read);
            }
        }
        return line.toString();
    }

    private void skip(long count) throws IOException {
        for (long left = count; left > 0; ) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new IOException("The server closed the connection mid-body");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    /** The bytes of a POST with a JSON body and the given header lines ("Name: value"). */
    static byte[] post(String path, byte[] body, String... headers) {
        StringBuilder head = new StringBuilder(256).append("POST ").append(path).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ")
                .append(body.length).append("\r\n");
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        byte[] headBytes = head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] request = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, request, 0, headBytes.length);
        System.arraycopy(body, 0, request, headBytes.length, body.length);
        return request;
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a broken connection: nothing left to do with it
            }
            socket = null;
        }
    }
}

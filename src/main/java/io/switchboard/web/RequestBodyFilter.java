package io.switchboard.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.api.BodyTooLargeException;
import io.switchboard.api.FieldError;
import io.switchboard.api.FieldPath;
import io.switchboard.api.MalformedBodyException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads API request bodies before any of them reaches Camel, and refuses in the dialect's own error shape those over
 * the configured limit (413) and those that are not UTF-8 (400). Reads at most limit + 1 bytes, whether or not the
 * client declared a length, so an oversized or endless body costs the hub no more memory than the limit.
 *
 * <p>The UTF-8 check has to be made here, on the bytes as they came: Camel's HTTP binding decodes the body to text and
 * back, which turns every malformed sequence into U+FFFD, so no reader behind it could tell. JSON between systems is
 * UTF-8 (RFC 8259, section 8.1), whatever charset the Content-Type claims, and the callbacks' signatures are over
 * these bytes.
 */
class RequestBodyFilter extends RefusingFilter {

    /** Enough to decode a body in a few steps without a buffer the body's size. */
    private static final int DECODE_CHUNK_CHARS = 4096;

    private final long limit;

    RequestBodyFilter(long limit, ApiErrors errors, ObjectMapper mapper) {
        super(errors, mapper);
        this.limit = limit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > limit) {
            refuseTooLarge(request, response);
            return;
        }
        byte[] body = readAtMost(request.getInputStream(), limit + 1);
        if (body.length > limit) {
            refuseTooLarge(request, response);
            return;
        }
        int malformedAt = firstMalformedByte(body);
        if (malformedAt >= 0) {
            refuse(request, response, new MalformedBodyException(new FieldError(FieldPath.root(),
                    "the body is not UTF-8 (byte " + malformedAt + ")")));
            return;
        }
        chain.doFilter(new BufferedBodyRequest(request, body), response);
    }

    private void refuseTooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // the client may still be sending; closing is cheaper than draining an oversized body
        response.setHeader("Connection", "close");
        refuse(request, response, new BodyTooLargeException(limit));
    }

    /**
     * The offset of the first byte that is not part of a well-formed UTF-8 sequence (overlong forms and encoded
     * surrogates included, which Jackson would let through), or -1 when there is none.
     */
    static int firstMalformedByte(byte[] body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(DECODE_CHUNK_CHARS);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                return in.position();
            }
            if (result.isUnderflow()) {
                return -1;
            }
            out.clear();
        }
    }

    private static byte[] readAtMost(InputStream in, long max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int read;
        while (out.size() < max && (read = in.read(buffer, 0, (int) Math.min(buffer.length, max - out.size()))) != -1) {
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }

    private static final class BufferedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("The body is already buffered");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            Charset charset = getCharacterEncoding() == null
                    ? StandardCharsets.UTF_8 : Charset.forName(getCharacterEncoding());
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charset));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}

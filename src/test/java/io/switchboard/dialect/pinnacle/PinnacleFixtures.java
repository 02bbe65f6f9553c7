package io.switchboard.dialect.pinnacle;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.testing.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The Pinnacle fixtures of FORMATS.md §1, and the dev credentials. */
final class PinnacleFixtures {

    static final String KEY_HEADER = "PINNACLE-API-KEY";
    static final String KEY = "sk_dev_pinnacle";

    /**
     * A public address from the documentation range (RFC 5737). The machines this builds on have no DNS, so a hub
     * running here refuses media on {@code example.com} as a host that does not resolve; an address needs no lookup.
     */
    static final String MEDIA_HOST = "192.0.2.10";

    private PinnacleFixtures() {
    }

    /** The fixture with its media on {@link #MEDIA_HOST} instead of {@code example.com}. */
    static ObjectNode offlineTree(String name) {
        String json = new String(Fixtures.bytes("pinnacle/" + name), StandardCharsets.UTF_8)
                .replace("https://example.com/", "https://" + MEDIA_HOST + "/");
        try {
            return (ObjectNode) Fixtures.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

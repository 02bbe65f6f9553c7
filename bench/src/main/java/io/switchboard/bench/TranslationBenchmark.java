package io.switchboard.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.dialect.channels.CanonicalToChannelsMessage;
import io.switchboard.dialect.channels.ChannelsMessage;
import io.switchboard.dialect.channels.ChannelsMessageToCanonical;
import io.switchboard.dialect.pinnacle.CanonicalToPinnacleRcs;
import io.switchboard.dialect.pinnacle.PinnacleRcsToCanonical;
import io.switchboard.dialect.pinnacle.PinnacleWire;
import io.switchboard.dialect.v1.CanonicalToV1Message;
import io.switchboard.dialect.v1.V1MessageToCanonical;
import io.switchboard.dialect.v1.V1SendRequest;
import io.switchboard.dialect.v5.CanonicalToV5Message;
import io.switchboard.dialect.v5.V5Message;
import io.switchboard.dialect.v5.V5MessageToCanonical;
import io.switchboard.json.Json;
import io.switchboard.model.Message;
import io.switchboard.transcode.RcsTranscoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Translations of one typical card message (title, description, image, two card buttons, one chip) in each
 * direction, as the hub runs them: JSON bytes in, the transformer's pure mapping, JSON bytes out. {@link #jsonCopy}
 * is the baseline: reading the same card JSON into a tree and writing it back, the least any JSON hop costs.
 * BENCHMARKS.md divides each score by it. Run with one thread, so a score is per core (bench/README.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TranslationBenchmark {

    private static final String CALLBACK_URL = "https://hub.example/callbacks/v5?leg=msg_1-1&token=abc";

    private final ObjectMapper mapper = Json.newMapper();
    private final Clock clock = Clock.systemUTC();
    private final V1MessageToCanonical v1In = new V1MessageToCanonical(clock);
    private final V5MessageToCanonical v5In = new V5MessageToCanonical(clock);
    private final PinnacleRcsToCanonical pinnacleIn = new PinnacleRcsToCanonical(clock);
    private final ChannelsMessageToCanonical channelsIn = new ChannelsMessageToCanonical(clock);
    private final CanonicalToV5Message v5Out = new CanonicalToV5Message(null);
    private final CanonicalToV1Message v1Out = new CanonicalToV1Message();
    private final CanonicalToPinnacleRcs pinnacleOut = new CanonicalToPinnacleRcs();
    private final CanonicalToChannelsMessage channelsOut = new CanonicalToChannelsMessage();

    private byte[] v1Card;
    private byte[] v5Card;
    private byte[] pinnacleCard;
    private byte[] channelsMms;
    private Message card;

    @Setup
    public void readFixtures() throws IOException {
        v1Card = fixture("fixtures/v1/rich-card-standalone.json");
        v5Card = fixture("fixtures/v5/seed/rcs-card.json");
        pinnacleCard = fixture("fixtures/pinnacle/send-rcs-standalone-card.json");
        // Channels carries no cards: its typical rich message is an MMS with a picture, as a card transcodes to
        channelsMms = fixture("golden/channels/mms-images.json");
        card = v1In.toCanonical(mapper.readValue(v1Card, V1SendRequest.class), "demo", Instant.now());
    }

    @Benchmark
    public byte[] jsonCopy() throws IOException {
        return mapper.writeValueAsBytes(mapper.readTree(v5Card));
    }

    @Benchmark
    public Message v1ToCanonical() throws IOException {
        return v1In.toCanonical(mapper.readValue(v1Card, V1SendRequest.class), "demo", clock.instant());
    }

    @Benchmark
    public Message v5ToCanonical() throws IOException {
        return v5In.toCanonical(mapper.readValue(v5Card, V5Message.class), "demo", clock.instant());
    }

    @Benchmark
    public Message pinnacleToCanonical() throws IOException {
        return pinnacleIn.toCanonical(mapper.readValue(pinnacleCard, PinnacleWire.RcsSend.class), "demo",
                clock.instant());
    }

    @Benchmark
    public Message channelsToCanonical() throws IOException {
        return channelsIn.toCanonical(mapper.readValue(channelsMms, ChannelsMessage.class), "demo", clock.instant());
    }

    @Benchmark
    public byte[] canonicalToV5() throws IOException {
        return mapper.writeValueAsBytes(v5Out.toV5(card, CALLBACK_URL));
    }

    @Benchmark
    public byte[] canonicalToV1() throws IOException {
        return mapper.writeValueAsBytes(v1Out.toV1(card));
    }

    @Benchmark
    public byte[] canonicalToPinnacle() throws IOException {
        return mapper.writeValueAsBytes(pinnacleOut.toRcs(card));
    }

    /** The card transcoded to an MMS (the Channels carrier has no RCS), then written as a Channels request. */
    @Benchmark
    public byte[] canonicalToChannels() throws IOException {
        return mapper.writeValueAsBytes(channelsOut.toChannels(card.withContent(RcsTranscoder.transcode(card.content(),
                true))));
    }

    private static byte[] fixture(String path) {
        try (InputStream in = TranslationBenchmark.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("No fixture " + path + " on the test class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

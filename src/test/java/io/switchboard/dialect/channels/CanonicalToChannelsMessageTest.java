package io.switchboard.dialect.channels;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.camel.Variables;
import io.switchboard.model.Channel;
import io.switchboard.model.Message;
import io.switchboard.model.MmsContent;
import io.switchboard.store.Leg;
import io.switchboard.testing.Fixtures;
import java.net.URI;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.DataType;
import org.apache.camel.spi.TransformerKey;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalToChannelsMessageTest {

    private static final String MESSAGE_ID = "msg_01jdtest0000000000000000aa";
    private static final String LEG_ID = Leg.idOf(MESSAGE_ID, 1);

    private final CanonicalToChannelsMessage transformer = new CanonicalToChannelsMessage();

    static Message canonical(String name) {
        ObjectNode tree = (ObjectNode) Fixtures.tree("canonical/" + name);
        tree.put("id", MESSAGE_ID);
        tree.put("createdAt", "2026-11-22T10:00:00.123Z");
        return Fixtures.MAPPER.convertValue(tree, Message.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sms.json", "mms-images.json", "mms-files.json", "template.json", "v5-rcs-media.json",
        "send-text-with-suggestions.json"})
    void shouldWriteTheExactCarrierRequestOfEachCanonicalFixture(String fixture) {
        ChannelsMessage request = transformer.toChannels(canonical(fixture)).withReference(LEG_ID);

        assertThat(Fixtures.toTree(request)).isEqualTo(Fixtures.golden("channels/" + fixture));
    }

    @Test
    void shouldSendAtMostTenPicturesLikeTheApiAllows() {
        List<URI> pictures = IntStream.range(0, 12).mapToObj(i -> URI.create("https://example.com/" + i + ".gif"))
                .toList();
        Message message = canonical("mms-images.json").withContent(new MmsContent(null, null, pictures));

        ChannelsMessage.Image image = transformer.toChannels(message).body().image();

        assertThat(image.images()).extracting(ChannelsMessage.ImageItem::mediaUrl)
                .containsExactlyElementsOf(pictures.subList(0, 10).stream().map(URI::toString).toList());
    }

    @Test
    void shouldSendAnMmsWithoutFilesAsText() {
        Message message = canonical("mms-images.json").withContent(new MmsContent("Hi", "Subject", List.of()));

        assertThat(transformer.toChannels(message).body()).isEqualTo(ChannelsMessage.Body.text("Subject\nHi"));
    }

    @Test
    void shouldSendMediaOfNoKnownTypeAsAFile() {
        Message message = canonical("mms-images.json").withContent(new MmsContent("See",
                null, List.of(URI.create("https://example.com/download"))));

        ChannelsMessage.Body body = transformer.toChannels(message).body();

        assertThat(body.type()).isEqualTo("file");
        assertThat(body.file().files()).containsExactly(new ChannelsMessage.FileItem("application/octet-stream",
                "https://example.com/download", null));
    }

    @Test
    void shouldBeFoundByNameAndPutTheLegIdIntoTheReference() throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.getTransformerRegistry().put(TransformerKey.createFrom(transformer), transformer);
            camel.start();
            assertThat(camel.getTransformerRegistry().resolveTransformer(
                    new TransformerKey(new DataType("canonical:message"), new DataType("channels:message"))))
                    .isSameAs(transformer);

            Exchange exchange = new DefaultExchange(camel);
            exchange.setVariable(Variables.LEG, new Leg(LEG_ID, MESSAGE_ID, "demo", 1, Channel.SMS,
                    "sandbox-channels", null, Leg.LegStatus.DISPATCHING, null, null, null));
            exchange.getMessage().setBody(canonical("sms.json"));
            transformer.transform(exchange.getMessage(), new DataType("canonical:message"),
                    new DataType("channels:message"));

            assertThat(Fixtures.toTree(exchange.getMessage().getBody())).isEqualTo(Fixtures.golden("channels/sms.json"));
        }
    }
}

package io.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestBodyFilterTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "ASCII, 7b2261223a2262227d, -1",
        "two- three- and four-byte characters, 22c3a9e282acf09f938322, -1",
        "a byte that starts nothing, 2280ff22, 1",
        "an overlong '/', 22c0af22, 1",
        "an encoded surrogate, 22eda08022, 1",
        "past U+10FFFF, 22f490808022, 1",
        "a sequence cut off by the end, 2261e282, 2",
        "a sequence cut off by another character, 22e28222, 1"})
    void shouldFindTheFirstByteThatIsNotUtf8(String what, String hex, int expected) {
        assertThat(RequestBodyFilter.firstMalformedByte(HexFormat.of().parseHex(hex))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} characters")
    @CsvSource({"4095", "4096", "4097", "70000"})
    void shouldDecodeBodiesLongerThanOneChunk(int characters) {
        byte[] body = ("\"" + "é".repeat(characters) + "\"").getBytes(StandardCharsets.UTF_8);
        byte[] broken = body.clone();
        broken[body.length - 2] = (byte) 0xFF;

        assertThat(RequestBodyFilter.firstMalformedByte(body)).isEqualTo(-1);
        assertThat(RequestBodyFilter.firstMalformedByte(broken)).isEqualTo(body.length - 3);
    }
}

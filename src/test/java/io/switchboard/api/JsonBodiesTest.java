package io.switchboard.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.dialect.v1.V1SendRequest;
import io.switchboard.json.Json;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class JsonBodiesTest {

    private final JsonBodies bodies = new JsonBodies(Json.newMapper(), DataSize.ofBytes(200));

    private static byte[] utf8(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /** The one problem reading the v1 body has, as "path message". */
    private String typeProblem(String json) {
        try {
            bodies.read(utf8(json), "application/json", V1SendRequest.class);
        } catch (MalformedBodyException e) {
            return e.getErrors().get(0).path().dotted() + " " + e.getErrors().get(0).message();
        }
        throw new AssertionError("read " + json);
    }

    @Test
    void shouldReadAValidBody() {
        V1SendRequest request = bodies.read(utf8("{\"to\":\"+15550001111\",\"content\":{\"text\":\"hi\"}}"),
                "application/json; charset=utf-8", V1SendRequest.class);

        assertThat(request.to()).isEqualTo("+15550001111");
        assertThat(request.content().text()).isEqualTo("hi");
    }

    @Test
    void shouldRefuseMalformedJsonWithWhereItBroke() {
        assertThatThrownBy(() -> bodies.read(utf8("{\"to\": "), "application/json", V1SendRequest.class))
                .isInstanceOfSatisfying(MalformedBodyException.class, e -> {
                    assertThat(e.getStatus()).isEqualTo(400);
                    assertThat(e.getErrors().get(0).message()).contains("line 1");
                });
    }

    @Test
    void shouldRefuseTrailingGarbageAndNonObjects() {
        assertThatThrownBy(() -> bodies.read(utf8("{} {}"), "application/json", V1SendRequest.class))
                .isInstanceOf(MalformedBodyException.class);
        assertThatThrownBy(() -> bodies.read(utf8("[1,2]"), "application/json", V1SendRequest.class))
                .isInstanceOf(MalformedBodyException.class)
                .hasMessageContaining("JSON object");
        assertThatThrownBy(() -> bodies.read(new byte[0], "application/json", V1SendRequest.class))
                .isInstanceOf(MalformedBodyException.class);
    }

    @Test
    void shouldNameTheFieldOfTheWrongType() {
        assertThatThrownBy(() -> bodies.read(utf8("{\"content\":{\"suggestions\":{\"reply\":1}}}"),
                "application/json", V1SendRequest.class))
                .isInstanceOfSatisfying(MalformedBodyException.class, e -> {
                    assertThat(e.getErrors().get(0).path().dotted()).isEqualTo("content.suggestions");
                    assertThat(e.getErrors().get(0).message()).isEqualTo("must be an array");
                });
    }

    @Test
    void shouldRefuseScalarsOfAnotherJsonTypeInsteadOfConvertingThem() {
        assertThat(typeProblem("{\"content\":{\"text\":false}}")).isEqualTo("content.text must be a string");
        assertThat(typeProblem("{\"to\":15550001111}")).isEqualTo("to must be a string");
        assertThat(typeProblem("{\"to\":1.5}")).isEqualTo("to must be a string");
        assertThat(typeProblem("{\"content\":{\"suggestions\":[{\"action\":{\"view_location\":{\"lat_long\":"
                + "{\"latitude\":\"52.5\"}}}}]}}"))
                .isEqualTo("content.suggestions.0.action.view_location.lat_long.latitude must be a number");
    }

    @Test
    void shouldRefuseAFieldNamedTwiceWithItsPath() {
        assertThatThrownBy(() -> bodies.read(utf8("{\"content\":{\"suggestions\":[{},{\"reply\":{},\"reply\":{}}]}}"),
                "application/json", V1SendRequest.class))
                .isInstanceOfSatisfying(MalformedBodyException.class, e -> {
                    assertThat(e.getErrors().get(0).path().bracketed()).isEqualTo("content.suggestions[1].reply");
                    assertThat(e.getErrors().get(0).message()).isEqualTo("appears more than once");
                    assertThat(e.getMessage())
                            .isEqualTo("The field 'content.suggestions.1.reply' appears more than once.");
                });
        assertThatThrownBy(() -> bodies.tree(utf8("{\"status\":\"SENT\",\"status\":\"DELIVERED\"}")))
                .as("a callback's tree as well")
                .isInstanceOf(MalformedBodyException.class);
    }

    @Test
    void shouldReadTheAnswersOfCarriersLeniently() {
        assertThat(bodies.treeOrMissing("{\"id\":1,\"id\":2}").path("id").asInt()).isEqualTo(2);
    }

    @Test
    void shouldRefuseBodiesOverTheLimit() {
        assertThatThrownBy(() -> bodies.read(utf8("{\"to\":\"" + "x".repeat(200) + "\"}"), V1SendRequest.class))
                .isInstanceOfSatisfying(BodyTooLargeException.class, e -> assertThat(e.getStatus()).isEqualTo(413));
    }

    @Test
    void shouldRefuseBodiesThatAreNotDeclaredAsJson() {
        assertThatThrownBy(() -> bodies.read(utf8("{}"), "text/plain", V1SendRequest.class))
                .isInstanceOfSatisfying(UnsupportedMediaTypeException.class,
                        e -> assertThat(e.getStatus()).isEqualTo(415));
        assertThatThrownBy(() -> bodies.read(utf8("{}"), null, V1SendRequest.class))
                .isInstanceOf(UnsupportedMediaTypeException.class);
        assertThat(bodies.read(utf8("{}"), "application/vnd.api+json", V1SendRequest.class)).isNotNull();
    }
}

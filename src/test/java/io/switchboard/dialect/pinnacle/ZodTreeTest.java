package io.switchboard.dialect.pinnacle;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.api.FieldError;
import io.switchboard.api.FieldPath;
import io.switchboard.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class ZodTreeTest {

    @Test
    void shouldNestObjectsUnderPropertiesAndArraysUnderItemsByPosition() {
        List<FieldError> errors = List.of(
                new FieldError(FieldPath.root(), "must have exactly one of text, media or cards"),
                new FieldError(FieldPath.of("from"), "is required"),
                new FieldError(FieldPath.of("cards").index(1).field("buttons").index(0).field("payload"),
                        "must be an http or https URL"),
                new FieldError(FieldPath.of("cards").index(1).field("title"), "is required"),
                new FieldError(FieldPath.of("cards"), "must have 1 to 10 cards"),
                new FieldError(FieldPath.of("options").field("schedule").field("sendAt"), "is required"),
                new FieldError(FieldPath.of("options").field("schedule").field("sendAt"),
                        "must be at least 5 minutes in the future"));

        assertThat(Fixtures.toTree(ZodTree.of(errors))).isEqualTo(Fixtures.tree("pinnacle/zod-errors.json"));
    }

    @Test
    void shouldHaveOnlyTopLevelErrorsForAProblemWithTheWholeBody() {
        ZodTree tree = ZodTree.of(List.of(new FieldError(FieldPath.root(), "the body is empty")));

        assertThat(Fixtures.toTree(tree)).isEqualTo(Fixtures.MAPPER.createObjectNode()
                .set("errors", Fixtures.MAPPER.createArrayNode().add("the body is empty")));
    }
}

package io.switchboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FieldPathTest {

    private final FieldPath path = FieldPath.of("cards").index(1).field("choices").index(0).field("url");

    @Test
    void shouldPrintTheV5StyleWithDotsBetweenEverySegment() {
        assertThat(path.dotted()).isEqualTo("cards.1.choices.0.url");
    }

    @Test
    void shouldPrintIndexesInBracketsForV1() {
        assertThat(path.bracketed()).isEqualTo("cards[1].choices[0].url");
    }

    @Test
    void shouldNameTheLastPropertyAsTheLeaf() {
        assertThat(path.leaf()).isEqualTo("url");
        assertThat(FieldPath.of("items").index(3).leaf()).isEqualTo("items");
        assertThat(FieldPath.root().dotted()).isEmpty();
    }
}

package io.switchboard.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OperatorPasswordEncoderTest {

    private final OperatorPasswordEncoder encoder = new OperatorPasswordEncoder();

    @Test
    void shouldAcceptTheOperatorsPasswordAndNothingElse() {
        String stored = encoder.encode("s3cret-operator");

        assertThat(encoder.matches("s3cret-operator", stored)).isTrue();
        assertThat(encoder.matches("s3cret-operatoR", stored)).isFalse();
        assertThat(encoder.matches("", stored)).isFalse();
        assertThat(encoder.matches(null, stored)).isFalse();
    }

    @Test
    void shouldStoreTheSha256DigestNotThePassword() {
        // sha256sum of the same text
        assertThat(encoder.encode("s3cret-operator"))
                .isEqualTo("c472ca61cf64c27f85de394cbeb3324bcd446e4f1060c0a9d7ef4fc762bbc759");
    }

    @Test
    void shouldRefuseAStoredValueOfAnotherShape() {
        assertThat(encoder.matches("s3cret-operator", "s3cret-operator")).isFalse();
        assertThat(encoder.matches("s3cret-operator", "{bcrypt}$2a$10$abcdefghijklmnopqrstuv")).isFalse();
    }
}

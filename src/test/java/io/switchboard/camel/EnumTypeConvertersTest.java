package io.switchboard.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.carrier.CarrierOutcome;
import io.switchboard.model.Channel;
import java.util.List;
import org.apache.camel.TypeConversionException;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.ObjectHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EnumTypeConvertersTest {

    private final DefaultCamelContext camel = new DefaultCamelContext();

    @BeforeEach
    void register() {
        camel.start();
        new EnumTypeConverters(List.of(CarrierOutcome.Verdict.class, Channel.class))
                .register(camel.getTypeConverterRegistry());
    }

    @AfterEach
    void stop() {
        camel.stop();
    }

    @Test
    void shouldGiveEachRegisteredEnumAConverterOfItsOwn() {
        // Camel's general enum conversion is what a lookup that finds nothing falls back to
        assertThat(camel.getTypeConverterRegistry().lookup(CarrierOutcome.Verdict.class, String.class)).isNotNull();
        assertThat(camel.getTypeConverterRegistry().lookup(Channel.class, String.class)).isNotNull();
    }

    @Test
    void shouldMatchAConstantsNameInAnyCaseAsCamelDoes() {
        assertThat(camel.getTypeConverter().convertTo(CarrierOutcome.Verdict.class, "accepted"))
                .isEqualTo(CarrierOutcome.Verdict.ACCEPTED);
        assertThat(camel.getTypeConverter().convertTo(Channel.class, " SMS ")).isEqualTo(Channel.SMS);
    }

    @Test
    void shouldCompareAnEnumWithTextAsASimplePredicateDoes() {
        assertThat(ObjectHelper.typeCoerceEquals(camel.getTypeConverter(), CarrierOutcome.Verdict.RETRY, "RETRY"))
                .isTrue();
        assertThat(ObjectHelper.typeCoerceEquals(camel.getTypeConverter(), CarrierOutcome.Verdict.RETRY, "ACCEPTED"))
                .isFalse();
        assertThat(ObjectHelper.typeCoerceEquals(camel.getTypeConverter(), Channel.MMS, "FAX")).isFalse();
    }

    @Test
    void shouldRefuseTextThatNamesNoConstant() {
        assertThatThrownBy(() -> camel.getTypeConverter().mandatoryConvertTo(Channel.class, "FAX"))
                .isInstanceOf(TypeConversionException.class).hasMessageContaining("FAX");
    }
}

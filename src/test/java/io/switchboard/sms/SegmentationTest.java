package io.switchboard.sms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SegmentationTest {

    private static final String BASIC_SET = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String EMOJI = "\uD83D\uDE00";

    @Test
    void shouldWriteTheWholeBasicSetAndExtensionTableInGsm7() {
        assertThat(BASIC_SET.codePointCount(0, BASIC_SET.length())).isEqualTo(127);

        SmsSegments basic = Segmentation.gsm7(BASIC_SET);
        SmsSegments extension = Segmentation.gsm7("\f^{}\\[~]|€");

        assertThat(basic.unsupported()).isEmpty();
        assertThat(basic.totalBytes()).isEqualTo(127);
        assertThat(extension.unsupported()).isEmpty();
        assertThat(extension.totalBytes()).isEqualTo(20);
        assertThat(Segmentation.isGsm7('€')).isTrue();
        assertThat(Segmentation.isGsm7('ç')).isFalse();
    }

    @Test
    void shouldListEachUnsupportedCharacterOnceInOrderOfAppearance() {
        SmsSegments segments = Segmentation.gsm7("Grüße aus Köln, ça va? " + EMOJI + " ça " + EMOJI);

        assertThat(segments.unsupported()).containsExactly("ç", EMOJI);
        assertThat(Segmentation.forSending("ça").encoding()).isEqualTo(SmsEncoding.UTF16);
        assertThat(Segmentation.forSending("Grüße").encoding()).isEqualTo(SmsEncoding.GSM7);
    }

    @ParameterizedTest(name = "{0} GSM-7 characters make {1} segment(s)")
    @CsvSource({"1, 1", "160, 1", "161, 2", "306, 2", "307, 3", "1530, 10", "1531, 11"})
    void shouldCutGsm7At160AloneAnd153Concatenated(int length, int segments) {
        SmsSegments counted = Segmentation.gsm7("a".repeat(length));

        assertThat(counted.count()).isEqualTo(segments);
        assertThat(counted.totalBytes()).isEqualTo(length);
        assertThat(counted.parts()).allSatisfy(part -> assertThat(part.length())
                .isLessThanOrEqualTo(segments == 1 ? 160 : 153));
        assertThat(String.join("", counted.parts())).isEqualTo("a".repeat(length));
    }

    @Test
    void shouldCountExtensionCharactersTwice() {
        assertThat(Segmentation.gsm7("€".repeat(80)).count()).isEqualTo(1);
        assertThat(Segmentation.gsm7("€".repeat(80) + "a").count()).isEqualTo(2);
        assertThat(Segmentation.gsm7("€".repeat(80) + "a").totalBytes()).isEqualTo(161);
    }

    @Test
    void shouldNeverSplitAnEscapeSequence() {
        // 152 septets, then an extension character that needs septets 153 and 154
        SmsSegments segments = Segmentation.gsm7("a".repeat(152) + "€" + "b".repeat(10));

        assertThat(segments.parts()).containsExactly("a".repeat(152), "€" + "b".repeat(10));
    }

    @ParameterizedTest(name = "{0} UTF-16 units make {1} segment(s)")
    @CsvSource({"70, 1", "71, 2", "134, 2", "135, 3", "670, 10", "671, 11"})
    void shouldCutUtf16At70AloneAnd67Concatenated(int length, int segments) {
        SmsSegments counted = Segmentation.utf16("ж".repeat(length));

        assertThat(counted.count()).isEqualTo(segments);
        assertThat(counted.totalBytes()).isEqualTo(2 * length);
        assertThat(counted.parts()).allSatisfy(part -> assertThat(part.length())
                .isLessThanOrEqualTo(segments == 1 ? 70 : 67));
    }

    @Test
    void shouldCountAnEmojiAsTwoUtf16UnitsAndNeverSplitItsSurrogatePair() {
        assertThat(Segmentation.utf16(EMOJI.repeat(35)).count()).isEqualTo(1);
        assertThat(Segmentation.utf16(EMOJI.repeat(35)).totalBytes()).isEqualTo(140);

        // 66 units, then an emoji that needs units 67 and 68
        SmsSegments segments = Segmentation.utf16("ж".repeat(66) + EMOJI + "ж".repeat(10));

        assertThat(segments.parts()).containsExactly("ж".repeat(66), EMOJI + "ж".repeat(10));
        assertThat(segments.parts()).allSatisfy(part -> assertThat(Character.isHighSurrogate(
                part.charAt(part.length() - 1))).isFalse());
    }

    @Test
    void shouldCountAnUnsupportedEmojiAsOneReplacementSeptetInGsm7() {
        SmsSegments segments = Segmentation.gsm7("a".repeat(159) + EMOJI);

        assertThat(segments.totalBytes()).isEqualTo(160);
        assertThat(segments.count()).isEqualTo(1);
        assertThat(segments.parts()).containsExactly("a".repeat(159) + EMOJI);
    }

    @Test
    void shouldSendAnEmptyTextInNoSegment() {
        assertThat(Segmentation.forSending("").count()).isZero();
        assertThat(Segmentation.utf16("").totalBytes()).isZero();
    }
}

package io.switchboard.pricing;

import io.switchboard.sms.SmsEncoding;
import io.switchboard.sms.SmsSegments;
import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The price table behind the cost estimates the APIs show ({@code switchboard.pricing} in {@code config/}). One
 * currency throughout, the one the operator bills in; the hub itself does not bill.
 *
 * @param smsSegment per SMS segment, by the alphabet the text is sent in
 * @param mmsMessage per MMS message
 * @param rcsMessage per RCS message
 */
@ConfigurationProperties("switchboard.pricing")
public record Prices(SmsSegmentPrices smsSegment, BigDecimal mmsMessage, BigDecimal rcsMessage) {

    public record SmsSegmentPrices(BigDecimal gsm7, BigDecimal utf16) {
    }

    public BigDecimal perSmsSegment(SmsEncoding encoding) {
        return encoding == SmsEncoding.GSM7 ? smsSegment.gsm7() : smsSegment.utf16();
    }

    public BigDecimal sms(SmsSegments segments) {
        return times(perSmsSegment(segments.encoding()), segments.count());
    }

    public BigDecimal mms(int messages) {
        return times(mmsMessage, messages);
    }

    public BigDecimal rcs(int messages) {
        return times(rcsMessage, messages);
    }

    /** Without trailing zeros, so 2 × 0.010 reads 0.02 and never 2E+1 style. */
    private static BigDecimal times(BigDecimal unit, int count) {
        BigDecimal total = unit.multiply(BigDecimal.valueOf(count)).stripTrailingZeros();
        return total.scale() < 0 ? total.setScale(0) : total;
    }
}

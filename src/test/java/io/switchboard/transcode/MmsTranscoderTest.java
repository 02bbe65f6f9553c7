package io.switchboard.transcode;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.model.MmsContent;
import io.switchboard.model.SmsContent;
import io.switchboard.sms.Segmentation;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class MmsTranscoderTest {

    @Test
    void shouldWriteSubjectTextAndOneLinkPerFile() {
        SmsContent sms = MmsTranscoder.toSms(new MmsContent("Your order \u2014 shipped", "Order 1042",
                List.of(URI.create("https://e.com/a.jpg"), URI.create("https://e.com/b.pdf"))));

        assertThat(sms.text()).isEqualTo("Order 1042\nYour order - shipped\nhttps://e.com/a.jpg\nhttps://e.com/b.pdf");
    }

    @Test
    void shouldSendOnlyTheLinksOfAnMmsWithoutText() {
        assertThat(MmsTranscoder.toSms(new MmsContent(null, " ", List.of(URI.create("https://e.com/a.jpg")))))
                .isEqualTo(new SmsContent("https://e.com/a.jpg"));
    }

    @Test
    void shouldKeepALongMmsWithinTheSegmentCap() {
        SmsContent sms = MmsTranscoder.toSms(new MmsContent("word ".repeat(400), null,
                List.of(URI.create("https://e.com/a.jpg"))));

        assertThat(Segmentation.forSending(sms.text()).count()).isLessThanOrEqualTo(RcsTranscoder.MAX_SEGMENTS);
        assertThat(sms.text()).endsWith("...");
    }
}

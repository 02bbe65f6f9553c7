package io.switchboard.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.MDC;

class MessageMdcTest {

    private static final String ID = "msg_01m98c1nzs29692aapsn03egp2";

    @AfterEach
    void forget() {
        MDC.clear();
    }

    @Test
    void shouldNameAHubMessageAndNoneForNull() {
        assertThat(MessageMdc.show(ID)).isTrue();
        assertThat(MDC.get("messageId")).isEqualTo(ID);
        assertThat(MessageMdc.show(ID)).as("unchanged").isFalse();

        assertThat(MessageMdc.show(null)).isTrue();
        assertThat(MDC.get("messageId")).isNull();
        assertThat(MessageMdc.show(null)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"msg_", "evt_01m98c1nzs29692aapsn03egp2", "msg_01M98C1NZS", "msg_01m98\nINFO forged line",
        "msg_01m98c1nzs29692aapsn03egp2-1", "msg_01m98c1nzs29692aapsn03egp2msg_01m98c1nzs29692aapsn03egp2"})
    void shouldNameNoMessageForWhatIsNoHubMessageId(String notAnId) {
        MessageMdc.show(ID);

        MessageMdc.show(notAnId);

        assertThat(MDC.get("messageId")).isNull();
    }

    @Test
    void shouldPutBackWhatWasNamedWhenAScopeCloses() {
        MessageMdc.show("msg_outer");

        try (MessageMdc.Scope inner = MessageMdc.about("msg_inner")) {
            assertThat(MessageMdc.current()).isEqualTo("msg_inner");
            try (MessageMdc.Scope none = MessageMdc.about(null)) {
                assertThat(MessageMdc.current()).isNull();
            }
            assertThat(MessageMdc.current()).isEqualTo("msg_inner");
        }

        assertThat(MessageMdc.current()).isEqualTo("msg_outer");
    }

    @Test
    void shouldLeaveTheMdcsOtherEntriesAlone() {
        MDC.put("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");

        MessageMdc.show(ID);
        MessageMdc.clear();

        assertThat(MDC.get("traceId")).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(MDC.get("messageId")).isNull();
    }
}

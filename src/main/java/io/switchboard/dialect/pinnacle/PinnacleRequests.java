package io.switchboard.dialect.pinnacle;

import io.switchboard.api.JsonBodies;
import org.springframework.stereotype.Component;

/** Reads Pinnacle request bodies into their wire records. */
@Component("pinnacleRequests")
public class PinnacleRequests {

    private final JsonBodies bodies;

    public PinnacleRequests(JsonBodies bodies) {
        this.bodies = bodies;
    }

    public PinnacleWire.SmsSend sms(byte[] body, String contentType) {
        return bodies.read(body, contentType, PinnacleWire.SmsSend.class);
    }

    public PinnacleWire.MmsSend mms(byte[] body, String contentType) {
        return bodies.read(body, contentType, PinnacleWire.MmsSend.class);
    }

    public PinnacleWire.RcsSend rcs(byte[] body, String contentType) {
        return bodies.read(body, contentType, PinnacleWire.RcsSend.class);
    }

    public PinnacleWire.SmsContent smsContent(byte[] body, String contentType) {
        return bodies.read(body, contentType, PinnacleWire.SmsContent.class);
    }

    public PinnacleWire.MmsContent mmsContent(byte[] body, String contentType) {
        return bodies.read(body, contentType, PinnacleWire.MmsContent.class);
    }
}

package io.switchboard.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.net.URI;
import java.util.List;

/**
 * What to send when RCS does not reach the recipient. A plan with neither leg means the hub derives one by
 * transcoding the RCS content, if the routing rule allows failover at all.
 *
 * @param sms the SMS leg the client asked for, or null
 * @param mms the MMS leg the client asked for, or null
 */
public record FailoverPlan(SmsLeg sms, MmsLeg mms) {

    private static final FailoverPlan NONE = new FailoverPlan(null, null);

    public static FailoverPlan none() {
        return NONE;
    }

    /** True when the client gave no leg of its own. */
    @JsonIgnore
    public boolean isEmpty() {
        return sms == null && mms == null;
    }

    public record SmsLeg(String sender, String text) {
    }

    public record MmsLeg(String sender, String text, List<URI> mediaUrls, String subject) {

        public MmsLeg {
            mediaUrls = Lists.immutable(mediaUrls);
        }
    }
}

package io.switchboard.carrier;

import io.switchboard.model.Channel;
import io.switchboard.model.Content;
import io.switchboard.model.FailoverPlan;
import io.switchboard.model.Message;
import io.switchboard.model.MmsContent;
import io.switchboard.model.SmsContent;
import io.switchboard.model.TemplateContent;
import io.switchboard.transcode.RcsTranscoder;
import org.springframework.stereotype.Component;

/**
 * Fits a message to what its carrier can carry. Content of a channel the carrier carries goes as it is. RCS content
 * for a carrier without RCS goes as the SMS or MMS leg the client gave for failover (MMS when the carrier carries
 * it), or else transcoded to SMS/MMS ({@link RcsTranscoder}). SMS and MMS never become RCS: such content cannot be
 * sent through an RCS-only carrier. Template content names a template the carrier stores, so only a carrier that
 * keeps templates (Channels) can carry it.
 */
@Component("carrierContent")
public class CarrierContent {

    /** The message as the carrier will send it, or null when this carrier cannot carry it. */
    public Message fit(Message message, CarrierConnector carrier) {
        if (message.content() instanceof TemplateContent) {
            return carrier.capabilities().templates() ? message : null;
        }
        if (carrier.carries(message.channel())) {
            return message;
        }
        if (message.channel() != Channel.RCS) {
            return null;
        }
        return smsOrMms(message, carrier, carrier.carries(Channel.SMS), carrier.carries(Channel.MMS));
    }

    /**
     * The SMS or MMS leg an RCS message fails over to through this carrier: the client's own leg, else the RCS content
     * transcoded, as {@link #fit} makes it; null when the carrier carries neither SMS nor MMS, or not the one channel
     * the failover chain allows it.
     *
     * @param only SMS or MMS to allow that channel alone, null for both
     */
    public Message failoverLeg(Message message, CarrierConnector carrier, Channel only) {
        boolean sms = carrier.carries(Channel.SMS) && (only == null || only == Channel.SMS);
        boolean mms = carrier.carries(Channel.MMS) && (only == null || only == Channel.MMS);
        return sms || mms ? smsOrMms(message, carrier, sms, mms) : null;
    }

    /**
     * The failover legs an RCS carrier sends itself (v5 {@code smsFailover}/{@code mmsFailover}, Pinnacle
     * {@code fallback}): the client's own legs, else the RCS content transcoded (MMS where it has pictures), each from
     * its own sender or the carrier's SMS number.
     */
    public FailoverPlan failoverPlanFor(Message message, CarrierConnector carrier) {
        FailoverPlan plan = message.failover();
        if (!plan.isEmpty()) {
            return new FailoverPlan(
                    plan.sms() == null ? null : new FailoverPlan.SmsLeg(smsSender(plan.sms().sender(), carrier),
                            plan.sms().text()),
                    plan.mms() == null ? null : new FailoverPlan.MmsLeg(smsSender(plan.mms().sender(), carrier),
                            plan.mms().text(), plan.mms().mediaUrls(), plan.mms().subject()));
        }
        String sender = smsSender(null, carrier);
        Content transcoded = RcsTranscoder.transcode(message.content(), true);
        return transcoded instanceof MmsContent mms
                ? new FailoverPlan(null, new FailoverPlan.MmsLeg(sender, mms.text(), mms.mediaUrls(), mms.subject()))
                : new FailoverPlan(new FailoverPlan.SmsLeg(sender, ((SmsContent) transcoded).text()), null);
    }

    private static Message smsOrMms(Message message, CarrierConnector carrier, boolean sms, boolean mms) {
        Content leg = clientLeg(message.failover(), sms, mms);
        if (leg != null) {
            return withContent(message, leg, smsSender(senderOf(message.failover(), leg), carrier));
        }
        Content transcoded = RcsTranscoder.transcode(message.content(), mms);
        if (transcoded instanceof SmsContent && !sms) {
            return null;
        }
        return withContent(message, transcoded, smsSender(null, carrier));
    }

    private static Content clientLeg(FailoverPlan plan, boolean sms, boolean mms) {
        if (plan.mms() != null && mms) {
            FailoverPlan.MmsLeg leg = plan.mms();
            return new MmsContent(leg.text(), leg.subject(), leg.mediaUrls());
        }
        if (plan.sms() != null && sms) {
            return new SmsContent(plan.sms().text());
        }
        return null;
    }

    private static String senderOf(FailoverPlan plan, Content content) {
        return content instanceof MmsContent ? plan.mms().sender() : plan.sms().sender();
    }

    /** The leg's own sender, else the carrier's SMS number; an RCS agent id cannot send SMS. */
    private static String smsSender(String legSender, CarrierConnector carrier) {
        return legSender != null ? legSender : carrier.smsSender();
    }

    private static Message withContent(Message message, Content content, String sender) {
        return new Message(message.id(), message.tenantId(), message.sourceDialect(), message.idempotencyKey(),
                sender, message.recipient(), content, message.failover(),
                message.callbackUrl(), message.timeToLive(), message.sendAt(), message.metadata(),
                message.createdAt());
    }
}

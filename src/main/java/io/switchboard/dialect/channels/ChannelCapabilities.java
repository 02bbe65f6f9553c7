package io.switchboard.dialect.channels;

import io.switchboard.carrier.CarrierConnector;
import io.switchboard.model.Message;
import io.switchboard.model.MmsContent;
import io.switchboard.transcode.MmsTranscoder;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.stereotype.Component;

/**
 * What a Channels carrier's channel can send, asked of the carrier once ({@code GET} of the channel) and trusted for
 * the carrier's {@code capability-ttl}. Only MMS matters: every SMS channel sends text, and only channels with MMS
 * numbers (US and Canada) send pictures and files. An MMS for a channel without it goes out as an SMS with its media
 * as links, rather than being refused by the carrier.
 */
@Component("channelCapabilities")
public class ChannelCapabilities {

    private final ChannelReader reader;
    private final Clock clock;
    private final ConcurrentMap<String, Known> known = new ConcurrentHashMap<>();

    public ChannelCapabilities(ChannelReader reader, Clock clock) {
        this.reader = reader;
        this.clock = clock;
    }

    /**
     * The message as the carrier's channel can send it: MMS through a channel without active outgoing MMS becomes
     * SMS with links ({@link MmsTranscoder}); anything else goes as it is, without asking the carrier.
     */
    public Message fit(Message message, CarrierConnector carrier) {
        if (message.content() instanceof MmsContent mms && !sendsMms(carrier)) {
            return message.withContent(MmsTranscoder.toSms(mms));
        }
        return message;
    }

    /**
     * Whether the carrier's channel has outgoing MMS active. One lookup per carrier at a time; an answer that says
     * nothing (the carrier refused the lookup) counts as no MMS and is not remembered, so the next send asks again.
     */
    public boolean sendsMms(CarrierConnector carrier) {
        Instant now = clock.instant();
        Known answer = known.compute(carrier.id(),
                (id, cached) -> cached != null && now.isBefore(cached.until()) ? cached : lookUp(carrier, now));
        return answer != null && answer.sendsMms();
    }

    private Known lookUp(CarrierConnector carrier, Instant now) {
        return reader.read(carrier)
                .map(channel -> new Known(channel.sendsMms(), now.plus(carrier.capabilityTtl())))
                .orElse(null);
    }

    private record Known(boolean sendsMms, Instant until) {
    }

    /** Reads a carrier's channel resource. */
    public interface ChannelReader {

        /**
         * @return the channel, or empty when the carrier refused to show it (a 4xx answer)
         * @throws io.switchboard.carrier.CarrierUnavailableException when the carrier could not answer for now
         */
        Optional<ChannelsChannel> read(CarrierConnector carrier);
    }
}

package io.switchboard.dialect.channels;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.camel.Variables;
import io.switchboard.carrier.CarrierConnector;
import io.switchboard.carrier.CarrierUnavailableException;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code GET /workspaces/{workspaceId}/channels/{channelId}} with the carrier's access key, through the route
 * {@value #ROUTE} (routes/carrier-channels.camel.yaml). A passing failure (no connection, 408, 429, 5xx)
 * throws, so the dispatch rolls back and the broker retries it; a refusal is logged and read as "unknown".
 */
@Component
class ChannelsChannelReader implements ChannelCapabilities.ChannelReader {

    static final String ROUTE = "direct:channels-channel-lookup";

    private static final Logger LOG = LoggerFactory.getLogger(ChannelsChannelReader.class);

    private final ProducerTemplate producer;
    private final ObjectMapper mapper;

    ChannelsChannelReader(ProducerTemplate producer, ObjectMapper mapper) {
        this.producer = producer;
        this.mapper = mapper;
    }

    @Override
    public Optional<ChannelsChannel> read(CarrierConnector carrier) {
        Exchange answer = producer.request(ROUTE, exchange -> exchange.setVariable(Variables.CARRIER, carrier));
        if (answer.getException() != null) {
            throw new CarrierUnavailableException(carrier.id() + ": the channel lookup failed: "
                    + answer.getException().getMessage());
        }
        int status = answer.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        String body = answer.getMessage().getBody(String.class);
        if (status == 408 || status == 429 || status >= 500) {
            throw new CarrierUnavailableException(carrier.id() + ": the channel lookup got HTTP " + status);
        }
        if (status < 200 || status >= 300) {
            LOG.warn("{}: the channel lookup got HTTP {}; its MMS capability is unknown, so MMS goes as SMS",
                    carrier.id(), status);
            return Optional.empty();
        }
        try {
            return Optional.of(mapper.readValue(body == null ? "" : body, ChannelsChannel.class));
        } catch (JsonProcessingException e) {
            LOG.warn("{}: the channel lookup's answer is not a channel resource; MMS goes as SMS", carrier.id());
            return Optional.empty();
        }
    }
}

package io.switchboard.carrier;

import io.switchboard.model.Message;
import io.switchboard.web.HubAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The configured carriers, and the choice of one for a message. */
@Component("carriers")
public class Carriers {

    private static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(15);

    private final Map<String, CarrierProperties.CarrierConfig> byId = new LinkedHashMap<>();
    private final CarrierProperties properties;
    private final HubAddress hub;

    public Carriers(CarrierProperties properties, HubAddress hub) {
        this.properties = properties;
        this.hub = hub;
        for (CarrierProperties.CarrierConfig carrier : properties.carriers()) {
            if (byId.put(carrier.id(), carrier) != null) {
                throw new IllegalStateException("Two carriers have the id " + carrier.id());
            }
        }
        properties.dispatch().carrierByChannel().forEach((channel, id) -> {
            if (!byId.containsKey(id)) {
                throw new IllegalStateException("switchboard.dispatch.carrier-by-channel." + channel
                        + " names carrier '" + id + "', which switchboard.carriers does not define");
            }
        });
    }

    /** The carrier for the message's channel, or null when switchboard.dispatch.carrier-by-channel names none. */
    public CarrierConnector forMessage(Message message) {
        String id = properties.dispatch().carrierByChannel().get(message.channel());
        return id == null ? null : connector(byId.get(id));
    }

    private CarrierConnector connector(CarrierProperties.CarrierConfig config) {
        Duration connect = config.connectTimeout() == null ? DEFAULT_CONNECT_TIMEOUT : config.connectTimeout();
        Duration read = config.readTimeout() == null ? DEFAULT_READ_TIMEOUT : config.readTimeout();
        String url = CarrierHttpConfiguration.COMPONENT + ":" + hub.resolve(config.baseUrl()) + "/messages"
                + "?throwExceptionOnFailure=false"
                + "&connectTimeout=" + connect.toMillis()
                + "&responseTimeout=" + read.toMillis();
        return new CarrierConnector(config.id(), config.dialect(), url, basic(config.username(), config.password()));
    }

    private static String basic(String username, String password) {
        String login = username + ":" + password;
        return "Basic " + Base64.getEncoder().encodeToString(login.getBytes(StandardCharsets.UTF_8));
    }
}

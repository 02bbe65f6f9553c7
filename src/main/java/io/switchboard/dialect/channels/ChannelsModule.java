package io.switchboard.dialect.channels;

import io.switchboard.model.Channel;
import io.switchboard.model.Dialect;
import io.switchboard.module.CarrierCapabilities;
import io.switchboard.module.CarrierSide;
import io.switchboard.module.DialectModule;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Bird-style Channels dialect: SMS and MMS carriers that keep message templates, reached with an
 * {@code AccessKey} in a workspace and channel. The hub speaks it only to carriers.
 */
@Configuration(proxyBeanMethods = false)
public class ChannelsModule {

    public static final CarrierSide CARRIER_SIDE = new CarrierSide(
            new CarrierCapabilities(Set.of(Channel.SMS, Channel.MMS), true, false),
            List.of("access-key", "signing-secret", "workspace-id", "channel-id"),
            credentials -> "AccessKey " + credentials.accessKey());

    @Bean
    public DialectModule channelsDialectModule() {
        return new DialectModule(Dialect.CHANNELS, CARRIER_SIDE, Optional.empty(), Optional.empty());
    }
}

package io.switchboard.routing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.switchboard.carrier.CarrierProperties;
import io.switchboard.model.Message;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The routing rules the hub runs with, read from {@code switchboard.routing.file} ({@code config/routing.yaml}).
 * Unknown keys and carriers the configuration does not define are refused at start, so a typo cannot route silently
 * to the default.
 */
@Component
public class RoutingTable {

    private static final ObjectMapper YAML = YAMLMapper.builder(new YAMLFactory())
            .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private final RoutingRules rules;

    public RoutingTable(@Value("${switchboard.routing.file}") Resource file, CarrierProperties carriers) {
        Set<String> known = carriers.carriers().stream().map(CarrierProperties.CarrierConfig::id)
                .collect(Collectors.toSet());
        this.rules = read(file, known::contains);
    }

    /** The id of the carrier that sends the message, or null when the table names none for it. */
    public String carrierFor(Message message) {
        return rules.carrierFor(message);
    }

    static RoutingRules read(Resource file, Predicate<String> knownCarrier) {
        RoutingRules rules;
        try (InputStream in = file.getInputStream()) {
            rules = YAML.readValue(in, RoutingRules.class);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the routing rules " + file.getDescription() + ": "
                    + e.getMessage(), e);
        }
        if (rules == null) {
            throw new IllegalStateException("The routing rules " + file.getDescription() + " are empty");
        }
        for (RoutingRules.Rule rule : rules.rules()) {
            if (rule.id() == null || rule.id().isBlank()) {
                throw new IllegalStateException(file.getDescription() + ": every rule needs an id");
            }
            requireKnown(file, "rule '" + rule.id() + "'", rule.carrier(), knownCarrier);
        }
        rules.defaults().forEach((channel, carrier) ->
                requireKnown(file, "the default for " + channel, carrier, knownCarrier));
        return rules;
    }

    private static void requireKnown(Resource file, String where, String carrier, Predicate<String> knownCarrier) {
        if (carrier == null || !knownCarrier.test(carrier)) {
            throw new IllegalStateException(file.getDescription() + ": " + where + " names carrier '" + carrier
                    + "', which switchboard.carriers does not define");
        }
    }
}

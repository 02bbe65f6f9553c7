package io.switchboard.routing;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.deser.std.FromStringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.switchboard.carrier.CarrierProperties;
import io.switchboard.model.Channel;
import io.switchboard.model.Dialect;
import io.switchboard.model.Message;
import io.switchboard.module.DialectModules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The routing rules the hub runs with, read from {@code switchboard.routing.file} ({@code config/routing.yaml}).
 * Unknown keys and carriers the configuration does not define are refused, so a typo cannot route silently to the
 * default: at start the hub does not start; on a {@link #reload} the rules in force stay and the refusal, naming the
 * line, is logged and kept for operators ({@link #lastRefusal}).
 */
@Component("routingTable")
public class RoutingTable {

    private static final Logger LOG = LoggerFactory.getLogger(RoutingTable.class);
    private static final ObjectMapper YAML = YAMLMapper.builder(new YAMLFactory())
            .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            // durations as in application.yaml: 30s, 10m, 1h (or ISO-8601)
            .addModule(new SimpleModule().addDeserializer(Duration.class, new FromStringDeserializer<>(Duration.class) {
                @Override
                protected Duration _deserialize(String value, DeserializationContext context) {
                    return DurationStyle.detectAndParse(value);
                }
            }))
            .build();

    private final Resource file;
    private final Predicate<String> knownCarrier;
    private final Predicate<String> takesFailoverLeg;
    private volatile RoutingRules rules;
    private volatile long readModified;
    private volatile Instant loadedAt;
    private volatile String lastRefusal;

    public RoutingTable(@Value("${switchboard.routing.file}") Resource file, CarrierProperties carriers,
            DialectModules dialects) {
        this.file = file;
        Map<String, Dialect> known = carriers.carriers().stream()
                .filter(carrier -> !Boolean.FALSE.equals(carrier.enabled()))
                .collect(Collectors.toMap(CarrierProperties.CarrierConfig::id,
                        CarrierProperties.CarrierConfig::dialect));
        this.knownCarrier = known::containsKey;
        this.takesFailoverLeg = id -> known.containsKey(id)
                && dialects.of(known.get(id)).carrierSide().capabilities().takesFailoverLeg();
        this.readModified = lastModified(file);
        this.rules = read(file, knownCarrier, takesFailoverLeg);
        this.loadedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    /** The route of the message, or null when the table names no carrier for it. */
    public RoutingRules.Route routeFor(Message message) {
        return rules.routeFor(message);
    }

    /** The id of the carrier that sends the message, or null when the table names none for it. */
    public String carrierFor(Message message) {
        RoutingRules.Route route = routeFor(message);
        return route == null ? null : route.carrier();
    }

    /**
     * Reads the file again if it changed since it was last read. Valid rules replace those in force at once; invalid
     * ones are refused and the rules in force stay.
     *
     * @return true when new rules took effect
     */
    public synchronized boolean reload() {
        long modified = lastModified(file);
        if (modified == readModified) {
            return false;
        }
        readModified = modified;
        try {
            rules = read(file, knownCarrier, takesFailoverLeg);
            loadedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            lastRefusal = null;
            LOG.info("Routing rules reloaded from {}: {} rules", file.getDescription(), rules.rules().size());
            return true;
        } catch (IllegalStateException refused) {
            lastRefusal = refused.getMessage();
            LOG.error("Routing rules not reloaded, the rules in force stay: {}", refused.getMessage());
            return false;
        }
    }

    /** The rules in force. */
    public RoutingRules rules() {
        return rules;
    }

    /** The file the rules come from, as the log and the refusals name it. */
    public String file() {
        return file.getDescription();
    }

    /** When the rules in force were read from the file. */
    public Instant loadedAt() {
        return loadedAt;
    }

    /** Why the last change of the file was refused, or null when the rules in force are the file's. */
    public String lastRefusal() {
        return lastRefusal;
    }

    /**
     * The rules of the file, checked against the configured carriers.
     *
     * @param takesFailoverLeg which carriers can run failover themselves (v5, Pinnacle), for failover mode carrier
     * @throws IllegalStateException naming the file, and the line where it can, when the rules are invalid
     */
    static RoutingRules read(Resource file, Predicate<String> knownCarrier, Predicate<String> takesFailoverLeg) {
        String text;
        try {
            text = file.getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the routing rules " + file.getDescription() + ": "
                    + e.getMessage(), e);
        }
        RoutingRules rules;
        try {
            rules = YAML.readValue(text, RoutingRules.class);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new IllegalStateException(file.getDescription() + (at == null ? "" : ", line " + at.getLineNr())
                    + ": " + e.getOriginalMessage(), e);
        }
        if (rules == null) {
            throw new IllegalStateException("The routing rules " + file.getDescription() + " are empty");
        }
        Set<String> ids = new HashSet<>();
        for (RoutingRules.Rule rule : rules.rules()) {
            if (rule.id() == null || rule.id().isBlank()) {
                throw new IllegalStateException(file.getDescription() + ": every rule needs an id");
            }
            String where = file.getDescription() + ", line " + lineOf(text, "id:", rule.id()) + ", rule '" + rule.id()
                    + "'";
            if (!ids.add(rule.id())) {
                throw new IllegalStateException(where + ": another rule has the same id");
            }
            requireKnown(where, rule.carrier(), knownCarrier);
            if (rule.failover() != null) {
                requireValid(where, rule.failover(), knownCarrier);
                if (rule.failover().mode() == RoutingRules.FailoverMode.CARRIER
                        && !takesFailoverLeg.test(rule.carrier())) {
                    throw new IllegalStateException(where + ": failover mode carrier needs a v5 or Pinnacle carrier,"
                            + " which sends the failover leg itself; '" + rule.carrier() + "' cannot");
                }
            }
        }
        rules.defaults().forEach((channel, carrier) -> requireKnown(file.getDescription() + ", line "
                + lineOf(text, channel.name() + ":", String.valueOf(carrier)) + ": the default for " + channel, carrier,
                knownCarrier));
        String defaultFailover = file.getDescription() + ": the default failover";
        requireValid(defaultFailover, rules.failover(), knownCarrier);
        if (rules.failover().mode() == RoutingRules.FailoverMode.CARRIER) {
            throw new IllegalStateException(defaultFailover + ": mode carrier belongs on a rule whose carrier is a v5"
                    + " or Pinnacle carrier");
        }
        return rules;
    }

    private static void requireValid(String where, RoutingRules.Failover failover, Predicate<String> knownCarrier) {
        for (RoutingRules.FailoverStep step : failover.chain()) {
            requireKnown(where + " failover chain", step.carrier(), knownCarrier);
            if (step.channel() == Channel.RCS) {
                throw new IllegalStateException(where + ": a failover chain step carries SMS or MMS, not RCS");
            }
        }
        if (failover.mode() == RoutingRules.FailoverMode.HUB && failover.chain().isEmpty()) {
            throw new IllegalStateException(where + ": failover mode hub needs a chain of carriers");
        }
    }

    private static void requireKnown(String where, String carrier, Predicate<String> knownCarrier) {
        if (carrier == null || !knownCarrier.test(carrier)) {
            throw new IllegalStateException(where + " names carrier '" + carrier
                    + "', which switchboard.carriers does not define");
        }
    }

    /**
     * The first line that holds {@code key} with a value matching {@code value} (a rule's {@code id: x}, a default's
     * {@code RCS: x}), counted from 1, for messages that point an editor at it.
     */
    private static int lineOf(String text, String key, String value) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.matches("(- )?" + Pattern.quote(key) + " *[\"']?" + Pattern.quote(value) + "[\"']? *(#.*)?")) {
                return i + 1;
            }
        }
        return 0;
    }

    private static long lastModified(Resource file) {
        try {
            return file.lastModified();
        } catch (IOException e) {
            // a resource without a file (a class path entry, bytes) never changes
            return 0;
        }
    }
}

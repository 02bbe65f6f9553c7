package io.switchboard.operations;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.carrier.CarrierBreakers;
import io.switchboard.carrier.Carriers;
import io.switchboard.routing.RoutingEndpoint;
import io.switchboard.routing.RoutingTable;
import io.switchboard.webhook.WebhookEndpoints;
import io.switchboard.webhook.WebhookSubscriptions;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.util.ObjectUtils;

/**
 * The hub's own MBeans, under {@value #DOMAIN} in the platform MBean server, where Hawtio's JMX tree and Jolokia find
 * them (operator login): each carrier ({@code type=Carriers,name=<id>}), the webhook endpoints' breakers
 * ({@code type=WebhookEndpoints}), the routing rules ({@code type=RoutingRules}), the webhook subscriptions
 * ({@code type=WebhookSubscriptions}) and the dead letters ({@code type=DeadLetters}).
 */
@Component
public class HubMBeans implements DisposableBean {

    public static final String DOMAIN = "io.switchboard";

    /** The characters an ObjectName value cannot hold unquoted. */
    private static final Pattern NEEDS_QUOTES = Pattern.compile("[,=:\"*?\\n]|^$");

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final Map<ObjectName, ObjectName> names = new LinkedHashMap<>();

    public HubMBeans(Carriers carriers, CarrierBreakers breakers, WebhookEndpoints endpoints, RoutingTable table,
            RoutingEndpoint routing, WebhookSubscriptions subscriptions, DeadLetters deadLetters, ObjectMapper json) {
        JmxValues values = new JmxValues(json);
        try {
            for (String id : carriers.ids()) {
                register("type=Carriers,name=" + value(id), new ManagedCarrier(id, carriers, breakers),
                        CarrierMBean.class);
            }
            register("type=WebhookEndpoints", new ManagedWebhookEndpoints(endpoints, values),
                    WebhookEndpointsMBean.class);
            register("type=RoutingRules", new ManagedRoutingRules(table, routing, values), RoutingRulesMBean.class);
            register("type=WebhookSubscriptions", new ManagedWebhookSubscriptions(subscriptions, values),
                    WebhookSubscriptionsMBean.class);
            register("type=DeadLetters", new ManagedDeadLetters(deadLetters, values), DeadLettersMBean.class);
        } catch (JMException | RuntimeException e) {
            destroy();
            throw new IllegalStateException("Cannot register the hub's MBeans", e);
        }
    }

    /**
     * The name the MBean with these keys ({@code type=DeadLetters}) has. It is {@value #DOMAIN}{@code :<keys>} but
     * in a JVM that already held another hub, as tests do: that one keeps the plain name and this one's gets
     * {@code ,context=<this hub>}, the way Spring Boot names its endpoints' MBeans.
     */
    public ObjectName nameOf(String keys) {
        ObjectName name = names.get(name(keys));
        if (name == null) {
            throw new IllegalArgumentException("The hub has no MBean " + keys);
        }
        return name;
    }

    private <T> void register(String keys, T mbean, Class<T> contract) throws JMException {
        ObjectName wanted = name(keys);
        ObjectName name = server.isRegistered(wanted)
                ? name(keys + ",context=" + ObjectUtils.getIdentityHexString(this)) : wanted;
        server.registerMBean(new DescribedMBean<>(mbean, contract), name);
        names.put(wanted, name);
    }

    private static ObjectName name(String keys) {
        try {
            return new ObjectName(DOMAIN + ":" + keys);
        } catch (JMException e) {
            throw new IllegalArgumentException("Not an MBean name: " + DOMAIN + ":" + keys, e);
        }
    }

    private static String value(String raw) {
        return NEEDS_QUOTES.matcher(raw).find() ? ObjectName.quote(raw) : raw;
    }

    @Override
    public void destroy() {
        for (ObjectName name : names.values()) {
            try {
                server.unregisterMBean(name);
            } catch (JMException e) {
                // already gone: nothing of this hub is left under the name
            }
        }
        names.clear();
    }
}

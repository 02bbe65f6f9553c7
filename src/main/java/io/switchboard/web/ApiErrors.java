package io.switchboard.web;

import io.switchboard.api.ApiException;
import io.switchboard.api.ApiRefusals;
import io.switchboard.api.RateLimitedException;
import io.switchboard.api.UnauthorizedException;
import io.switchboard.callback.CallbackResponses;
import io.switchboard.metrics.HubMetrics;
import io.switchboard.model.Dialect;
import io.switchboard.module.ClientApi;
import io.switchboard.module.DialectModules;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * The body every HTTP API answers a refusal or a failure with: a client API's in its dialect's shape, the carrier
 * callbacks' in theirs. Routes name their API by their route group (a dialect's id, or {@value #CALLBACKS}); the
 * filters that refuse a request before any route by its path. Every refusal passes here, so here it is counted: a
 * client API's by tenant, dialect and kind, a callback's that its verification refused by dialect and flaw.
 */
@Component("apiErrors")
public class ApiErrors {

    /** The route group of the carrier callback routes, under {@code /callbacks/}. */
    public static final String CALLBACKS = "callbacks";

    private static final String CALLBACK_PATH = "/" + CALLBACKS + "/";

    private final DialectModules dialects;
    private final CallbackResponses callbacks;
    private final HubMetrics metrics;

    public ApiErrors(DialectModules dialects, CallbackResponses callbacks, HubMetrics metrics) {
        this.dialects = dialects;
        this.callbacks = callbacks;
        this.metrics = metrics;
    }

    /** The servlet URL patterns of every client API and of the carrier callbacks. */
    String[] urlPatterns() {
        return Stream.concat(dialects.all().stream().flatMap(module -> module.clientApi().stream())
                .map(ClientApi::pathPrefix), Stream.of("/" + CALLBACKS + "/"))
                .map(prefix -> prefix + "*").toArray(String[]::new);
    }

    /** For a refusal made before the request reached its route, so before its caller was known. */
    public Object render(String path, ApiException refusal) {
        return dialects.clientDialectAt(path).map(dialect -> {
            metrics.refused(null, dialect.id(), ApiRefusals.kindOf(refusal));
            return dialects.of(dialect).clientApi().orElseThrow().refusal(refusal);
        }).orElseGet(() -> callbacks.refusal(refusal));
    }

    /**
     * For a refusal in a route of this group.
     *
     * @param tenantId the caller, once admitted; else null (the tenant whose rate a request exceeded is known anyway)
     * @param path     the request's path, which names a callback's dialect; null on the JMS ingress
     */
    public Object refusal(String routeGroup, ApiException refusal, String tenantId, String path) {
        if (!CALLBACKS.equals(routeGroup)) {
            ClientApi api = clientApi(routeGroup);
            metrics.refused(tenantId == null && refusal instanceof RateLimitedException limited ? limited.tenantId()
                    : tenantId, routeGroup, ApiRefusals.kindOf(refusal));
            return api.refusal(refusal);
        }
        if (refusal instanceof UnauthorizedException unverified) {
            metrics.callbackRefused(callbackDialect(path), unverified.flaw().word());
        }
        return callbacks.refusal(refusal);
    }

    /** For a failure that is the hub's fault in a route of this group; its cause goes to the log only. */
    public Object internalError(String routeGroup) {
        return CALLBACKS.equals(routeGroup) ? callbacks.internalError() : clientApi(routeGroup).internalError();
    }

    /** The dialect of {@code /callbacks/<dialect>…}, or {@value HubMetrics#UNKNOWN}. */
    static String callbackDialect(String path) {
        int start = path == null ? -1 : path.indexOf(CALLBACK_PATH);
        if (start < 0) {
            return HubMetrics.UNKNOWN;
        }
        String rest = path.substring(start + CALLBACK_PATH.length());
        int end = rest.indexOf('/');
        return Dialect.withId(end < 0 ? rest : rest.substring(0, end)).map(Dialect::id).orElse(HubMetrics.UNKNOWN);
    }

    private ClientApi clientApi(String routeGroup) {
        return dialects.clientApi(routeGroup).orElseThrow(() -> new IllegalStateException("An API route's group "
                + "names its dialect or " + CALLBACKS + "; '" + routeGroup + "' is neither"));
    }
}

package io.switchboard.web;

import io.switchboard.api.ApiException;
import io.switchboard.callback.CallbackResponses;
import io.switchboard.module.ClientApi;
import io.switchboard.module.DialectModules;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * The body every HTTP API answers a refusal or a failure with: a client API's in its dialect's shape, the carrier
 * callbacks' in theirs. Routes name their API by their route group (a dialect's id, or {@value #CALLBACKS}); the
 * filters that refuse a request before any route by its path.
 */
@Component("apiErrors")
public class ApiErrors {

    /** The route group of the carrier callback routes, under {@code /callbacks/}. */
    public static final String CALLBACKS = "callbacks";

    private final DialectModules dialects;
    private final CallbackResponses callbacks;

    public ApiErrors(DialectModules dialects, CallbackResponses callbacks) {
        this.dialects = dialects;
        this.callbacks = callbacks;
    }

    /** The servlet URL patterns of every client API and of the carrier callbacks. */
    String[] urlPatterns() {
        return Stream.concat(dialects.all().stream().flatMap(module -> module.clientApi().stream())
                .map(ClientApi::pathPrefix), Stream.of("/" + CALLBACKS + "/"))
                .map(prefix -> prefix + "*").toArray(String[]::new);
    }

    /** For a refusal made before the request reached its route. */
    public Object render(String path, ApiException refusal) {
        return dialects.clientApiAt(path).map(api -> api.refusal(refusal)).orElseGet(() -> callbacks.refusal(refusal));
    }

    /** For a refusal in a route of this group. */
    public Object refusal(String routeGroup, ApiException refusal) {
        return CALLBACKS.equals(routeGroup) ? callbacks.refusal(refusal) : clientApi(routeGroup).refusal(refusal);
    }

    /** For a failure that is the hub's fault in a route of this group; its cause goes to the log only. */
    public Object internalError(String routeGroup) {
        return CALLBACKS.equals(routeGroup) ? callbacks.internalError() : clientApi(routeGroup).internalError();
    }

    private ClientApi clientApi(String routeGroup) {
        return dialects.clientApi(routeGroup).orElseThrow(() -> new IllegalStateException("An API route's group "
                + "names its dialect or " + CALLBACKS + "; '" + routeGroup + "' is neither"));
    }
}

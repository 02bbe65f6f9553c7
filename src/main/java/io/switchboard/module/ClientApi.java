package io.switchboard.module;

import io.switchboard.api.ApiException;
import io.switchboard.tenant.Tenant;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The side of a dialect that clients speak to the hub: how they are admitted and answered.
 *
 * @param pathPrefix       the start of every path of this API on the hub, such as {@code /v1/}
 * @param credentialHeader the request header a client's credential comes in
 * @param authenticator    the tenant behind a credential; an {@code UnauthorizedException} in this API's own words
 *                         when none is
 * @param refusals         the body a refusal (any {@link ApiException}) is answered with
 * @param internalErrors   the body an unexpected failure is answered with; its cause stays in the log
 * @param ingressRoutes    the route that takes a message of this dialect from the JMS ingress, for its
 *                         {@code SwitchboardEndpoint} property (Pinnacle's {@code sms}, {@code mms}, {@code rcs}; the
 *                         others take any); empty when there is none
 */
public record ClientApi(String pathPrefix, String credentialHeader, Function<String, Tenant> authenticator,
        Function<ApiException, Object> refusals, Supplier<Object> internalErrors,
        Function<String, Optional<String>> ingressRoutes) {

    public Tenant authenticate(String credential) {
        return authenticator.apply(credential);
    }

    public Object refusal(ApiException refusal) {
        return refusals.apply(refusal);
    }

    public Object internalError() {
        return internalErrors.get();
    }

    public Optional<String> ingressRoute(String endpoint) {
        return ingressRoutes.apply(endpoint);
    }
}

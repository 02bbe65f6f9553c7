package io.switchboard.module;

import java.util.List;
import java.util.function.Function;

/**
 * How the hub sends through a carrier of one dialect.
 *
 * @param capabilities        what such a carrier can take
 * @param requiredCredentials the configuration names ({@code api-key}, {@code workspace-id}…) of what every account
 *                            needs, in the order the carrier's documentation gives them
 * @param authorization       the value of the credential header sent with every call, from the account's
 *                            credentials
 */
public record CarrierSide(CarrierCapabilities capabilities, List<String> requiredCredentials,
        Function<CarrierCredentials, String> authorization) {

    public CarrierSide {
        requiredCredentials = List.copyOf(requiredCredentials);
    }

    /** The required credentials these lack; empty when the account is complete. */
    public List<String> missingCredentials(CarrierCredentials credentials) {
        return credentials.missing(requiredCredentials);
    }

    public String authorization(CarrierCredentials credentials) {
        return authorization.apply(credentials);
    }
}

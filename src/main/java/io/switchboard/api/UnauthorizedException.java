package io.switchboard.api;

/** No credentials, or credentials no tenant owns. The message never says which. */
public final class UnauthorizedException extends ApiException {

    public UnauthorizedException(String message) {
        super(401, "unauthorized", message);
    }
}

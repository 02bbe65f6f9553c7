package io.switchboard.tenant;

import io.switchboard.api.UnauthorizedException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Finds the tenant behind each dialect's credentials. Secrets are kept only as SHA-256 digests, so the lookup
 * compares digests and a timing difference tells nothing about the secret itself.
 */
@Component("apiKeys")
public class ApiKeyAuthenticator {

    private static final String BEARER = "Bearer ";
    private static final String BASIC = "Basic ";

    private final Map<String, Tenant> v1Keys = new HashMap<>();
    private final Map<String, Tenant> pinnacleKeys = new HashMap<>();
    private final Map<String, Tenant> v5Logins = new HashMap<>();

    public ApiKeyAuthenticator(TenantProperties properties) {
        for (TenantProperties.TenantConfig config : properties.tenants()) {
            Tenant tenant = new Tenant(config.id(), config.name() == null ? config.id() : config.name());
            register(v1Keys, config.v1ApiKey(), tenant);
            register(pinnacleKeys, config.pinnacleApiKey(), tenant);
            if (hasText(config.v5Username()) && hasText(config.v5Password())) {
                register(v5Logins, config.v5Username() + ":" + config.v5Password(), tenant);
            }
        }
    }

    /** {@code Authorization: Bearer <key>} on {@code /v1/*}. */
    public Tenant v1(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new UnauthorizedException("Send your API key as 'Authorization: Bearer <key>'.");
        }
        return lookup(v1Keys, authorization.substring(BEARER.length()).trim(), "The API key is not valid.");
    }

    /** {@code PINNACLE-API-KEY: <key>} on the Pinnacle-style endpoints. */
    public Tenant pinnacle(String apiKey) {
        if (!hasText(apiKey)) {
            throw new UnauthorizedException("Missing PINNACLE-API-KEY header.");
        }
        return lookup(pinnacleKeys, apiKey.trim(), "Invalid API key.");
    }

    /** {@code Authorization: Basic <base64 user:password>} on {@code /v5/*}. */
    public Tenant v5(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            throw new UnauthorizedException("HTTP Basic authentication is required.");
        }
        String login;
        try {
            login = new String(Base64.getDecoder().decode(authorization.substring(BASIC.length()).trim()),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new UnauthorizedException("HTTP Basic authentication is required.");
        }
        return lookup(v5Logins, login, "Invalid username or password.");
    }

    private static void register(Map<String, Tenant> byDigest, String secret, Tenant tenant) {
        if (!hasText(secret)) {
            return;
        }
        Tenant previous = byDigest.putIfAbsent(digest(secret), tenant);
        if (previous != null && !previous.id().equals(tenant.id())) {
            throw new IllegalStateException("Tenants " + previous.id() + " and " + tenant.id() + " share a credential");
        }
    }

    private static Tenant lookup(Map<String, Tenant> byDigest, String secret, String refusal) {
        Tenant tenant = byDigest.get(digest(secret));
        if (tenant == null) {
            throw new UnauthorizedException(refusal);
        }
        return tenant;
    }

    private static String digest(String secret) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}

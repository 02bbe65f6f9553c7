package io.switchboard.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps outbound calls to client-supplied URLs (webhooks, media) away from the hub's own network: loopback, private,
 * link-local, carrier-grade NAT, multicast and unspecified addresses are refused. Loopback is allowed only when
 * {@code switchboard.security.allow-loopback-targets} is on, as the default profile does for the sandbox.
 */
@Component
public class TargetGuard {

    private static final Pattern DOTTED_QUAD = Pattern.compile("(\\d{1,3}\\.){3}\\d{1,3}");
    /** What URL parsers read as an IPv4 address besides the dotted quad: decimal, octal or hex parts. */
    private static final Pattern NUMERIC_HOST = Pattern.compile("[0-9.]+|0x[0-9a-f.x]*");

    private final boolean allowLoopback;

    public TargetGuard(@Value("${switchboard.security.allow-loopback-targets:false}") boolean allowLoopback) {
        this.allowLoopback = allowLoopback;
    }

    /**
     * Why the hub may not hand on a URL that others fetch (media a carrier downloads), or null if it may: an http(s)
     * URL whose host is not an internal address written out (an IP literal) or a name that means this machine
     * ({@code localhost}). Other names are not looked up: the hub never fetches media, the carrier that does resolves
     * the name in its own network, and a lookup here would hold the client's request for a DNS round trip (seconds,
     * when DNS is slow) on the accept path. Numeric hosts in any form but the dotted quad ({@code 2130706433},
     * {@code 0x7f.1}), which some fetchers read as addresses, are refused.
     */
    public String mediaRefusal(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (url.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            return "must be an absolute http or https URL";
        }
        String host = url.getHost().toLowerCase(Locale.ROOT);
        host = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (host.equals("localhost") || host.endsWith(".localhost")) {
            return allowLoopback ? null : "points at a loopback address";
        }
        boolean ipv6 = host.startsWith("[");
        if (!ipv6 && !DOTTED_QUAD.matcher(host).matches()) {
            return NUMERIC_HOST.matcher(host).matches() ? "must give an IP address as four decimal numbers" : null;
        }
        try {
            // a literal: InetAddress parses it without a lookup
            return refusal(InetAddress.getByName(host));
        } catch (UnknownHostException e) {
            return "has a host that is not a valid IP address";
        }
    }

    /** Why the URL may not be called by the hub (a webhook target), or null if it may. Resolves the host name. */
    public String refusal(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (url.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            return "must be an absolute http or https URL";
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(url.getHost());
        } catch (UnknownHostException e) {
            return "has a host name that does not resolve";
        }
        String refusal = firstRefusal(addresses);
        if (refusal != null) {
            return refusal;
        }
        if (scheme.equals("http") && !(allowLoopback && isLoopbackOnly(addresses))) {
            return "must use https";
        }
        return null;
    }

    /** Why the address may not be connected to, or null if it may. */
    public String refusal(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return allowLoopback ? null : "points at a loopback address";
        }
        if (isInternal(address)) {
            return "points at an internal address";
        }
        return null;
    }

    private String firstRefusal(InetAddress[] addresses) {
        for (InetAddress address : addresses) {
            String refusal = refusal(address);
            if (refusal != null) {
                return refusal;
            }
        }
        return null;
    }

    private static boolean isLoopbackOnly(InetAddress[] addresses) {
        for (InetAddress address : addresses) {
            if (!address.isLoopbackAddress()) {
                return false;
            }
        }
        return true;
    }

    private static boolean isInternal(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            // 100.64.0.0/10 carrier-grade NAT, 0.0.0.0/8, 192.0.0.0/24 protocol assignments, 198.18.0.0/15 benchmarks
            return (first == 100 && second >= 64 && second < 128) || first == 0
                    || (first == 192 && second == 0 && (bytes[2] & 0xff) == 0)
                    || (first == 198 && (second == 18 || second == 19)) || first >= 240;
        }
        if (address instanceof Inet6Address) {
            // fc00::/7 unique local addresses
            return (bytes[0] & 0xfe) == 0xfc;
        }
        return false;
    }
}

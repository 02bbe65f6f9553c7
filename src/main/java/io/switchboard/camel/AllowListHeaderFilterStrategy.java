package io.switchboard.camel;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.apache.camel.spi.HeaderFilterStrategy;

/**
 * Lets out only the headers named here (or starting with an allowed prefix), and keeps headers with a blocked prefix
 * from getting in. Used where the hub meets the outside (HTTP responses, JMS messages), so request headers such as
 * {@code Authorization} never travel on and a client cannot set Camel's control headers.
 */
public class AllowListHeaderFilterStrategy implements HeaderFilterStrategy {

    private final Set<String> allowedOut;
    private final Set<String> allowedOutPrefixes;
    private final Set<String> blockedInPrefixes;

    public AllowListHeaderFilterStrategy(Set<String> allowedOut, Set<String> allowedOutPrefixes,
            Set<String> blockedInPrefixes) {
        this.allowedOut = allowedOut.stream().map(name -> name.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        this.allowedOutPrefixes = allowedOutPrefixes;
        this.blockedInPrefixes = blockedInPrefixes.stream().map(prefix -> prefix.toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
    }

    /** Camel header to external header: true filters it out. */
    @Override
    public boolean applyFilterToCamelHeaders(String headerName, Object headerValue, Exchange exchange) {
        if (allowedOut.contains(headerName.toLowerCase(Locale.ROOT))) {
            return false;
        }
        for (String prefix : allowedOutPrefixes) {
            if (headerName.startsWith(prefix)) {
                return false;
            }
        }
        return true;
    }

    /** External header to Camel header: true filters it out. */
    @Override
    public boolean applyFilterToExternalHeaders(String headerName, Object headerValue, Exchange exchange) {
        String lower = headerName.toLowerCase(Locale.ROOT);
        for (String prefix : blockedInPrefixes) {
            if (lower.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}

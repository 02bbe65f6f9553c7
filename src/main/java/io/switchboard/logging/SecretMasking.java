package io.switchboard.logging;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes secrets out of log lines, Tomcat's and every library's included, since any of them may print what a caller
 * sent: the value of a credential header or parameter, whatever its value (a wrong key may still be someone's real
 * one), the header line Tomcat quotes when it rejects one, webhook secrets, and every secret the hub is configured
 * with ({@link ConfiguredSecrets}). Each becomes {@value #MASK}.
 */
public final class SecretMasking {

    public static final String MASK = "****";

    /**
     * Configured values shorter than this are not masked: replacing a short word everywhere would garble the log
     * (the dev profile's operator password is {@code admin}); real deployments use long random secrets.
     */
    static final int MIN_SECRET_LENGTH = 8;

    /** Headers and parameters whose value is a credential or proves one, with what separates name and value. */
    private static final Pattern CREDENTIAL = Pattern.compile("(?i)(\\b(?:proxy-)?authorization|\\bpinnacle-api-key"
            + "|\\bpinnacle-signing-secret|\\bx-arowana-signature|\\bmessagebird-signature|\\b(?:set-)?cookie"
            + "|\\bx-xsrf-token|[?&](?:token|api[-_]?key|access[-_]?token|password))(\\s*[:=]\\s*)"
            // a scheme (Bearer, Basic, AccessKey) and the credential after it, or the value alone
            + "((?:(?:bearer|basic|accesskey|digest|token) )?[^\\s\\],;&\"']+)");
    /** Tomcat's words for a header line it refused: {@code The HTTP header line [name: value] does not conform…}. */
    private static final Pattern REFUSED_HEADER_LINE = Pattern.compile("(HTTP header line \\[)([^\\]]*)(\\])");
    private static final Pattern WEBHOOK_SECRET = Pattern.compile("whsec_[A-Za-z0-9+/=]+");

    private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();
    /** The secrets, longest first, so a secret that contains another is masked whole. */
    private static volatile List<String> secretsLongestFirst = List.of();

    private SecretMasking() {
    }

    /** Adds configured secret values; those shorter than {@value #MIN_SECRET_LENGTH} characters are ignored. */
    public static void register(Collection<String> secrets) {
        secrets.stream().filter(secret -> secret != null && secret.length() >= MIN_SECRET_LENGTH)
                .forEach(SECRETS::add);
        secretsLongestFirst = SECRETS.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    /** The text with every secret it shows replaced by {@value #MASK}; null stays null. */
    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = text;
        for (String secret : secretsLongestFirst) {
            masked = masked.replace(secret, MASK);
        }
        masked = replace(REFUSED_HEADER_LINE, masked, line -> line.group(1) + headerName(line.group(2)) + line.group(3));
        masked = replace(CREDENTIAL, masked, credential -> credential.group(1) + credential.group(2) + MASK);
        return WEBHOOK_SECRET.matcher(masked).replaceAll(MASK);
    }

    /** A header line's name and separator, its value masked: {@code pinnacle-api-key:****}. */
    private static String headerName(String line) {
        int colon = line.indexOf(':');
        return colon < 0 ? MASK : line.substring(0, colon + 1) + MASK;
    }

    private static String replace(Pattern pattern, String text, Function<Matcher, String> replacement) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        do {
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement.apply(matcher)));
        } while (matcher.find());
        matcher.appendTail(out);
        return out.toString();
    }
}

package io.switchboard.module;

import io.switchboard.model.Dialect;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Finds each dialect's {@link DialectModule}; the hub does not start unless every dialect has exactly one. */
@Component("dialects")
public class DialectModules {

    private final Map<Dialect, DialectModule> byDialect = new EnumMap<>(Dialect.class);

    public DialectModules(List<DialectModule> modules) {
        for (DialectModule module : modules) {
            DialectModule previous = byDialect.put(module.dialect(), module);
            if (previous != null) {
                throw new IllegalStateException("Two modules speak " + module.dialect().id() + ": "
                        + previous.getClass().getName() + " and " + module.getClass().getName());
            }
        }
        for (Dialect dialect : Dialect.values()) {
            if (!byDialect.containsKey(dialect)) {
                throw new IllegalStateException("No module speaks " + dialect.id()
                        + "; docs/extending.md lists what a dialect provides");
            }
        }
    }

    public DialectModule of(Dialect dialect) {
        return byDialect.get(dialect);
    }

    public Collection<DialectModule> all() {
        return byDialect.values();
    }

    /** The client API of the dialect with this id ({@code v1}…), if clients can speak it to the hub. */
    public Optional<ClientApi> clientApi(String dialectId) {
        return Dialect.withId(dialectId).flatMap(dialect -> of(dialect).clientApi());
    }

    /** The client API a request path belongs to, such as v1's for {@code /v1/messages}. */
    public Optional<ClientApi> clientApiAt(String path) {
        return clientDialectAt(path).flatMap(dialect -> of(dialect).clientApi());
    }

    /** The dialect whose client API a request path belongs to, such as v1 for {@code /v1/messages}. */
    public Optional<Dialect> clientDialectAt(String path) {
        return all().stream().filter(module -> module.clientApi()
                .filter(api -> path.startsWith(api.pathPrefix())).isPresent())
                .map(DialectModule::dialect).findFirst();
    }

}

package io.switchboard.testing.prodstack;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Several hubs over a replicated broker pair for a person, on loopback: {@code docker/run-local-cluster.sh} starts
 * it and it runs until Enter (an orderly stop) or Ctrl-C (everything killed). Prints where each part is, the
 * credentials it was given and how to kill a hub or the primary broker. The first argument is the number of hubs
 * (default 2).
 */
public final class LocalCluster {

    private LocalCluster() {
    }

    public static void main(String[] args) throws IOException {
        int hubCount = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        Path directory = Path.of("target", "prod-stack",
                "cluster-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        try (ClusterStack cluster = ClusterStack.start(directory, hubCount, Map.of())) {
            ProdStack.Tenant tenant = cluster.tenant();
            String hubs = cluster.hubs().stream().map(hub -> "  hub            %s   log %s   pid %d"
                    .formatted(hub.baseUrl(), hub.log(), hub.pid())).collect(Collectors.joining("\n"));
            ReplicatedArtemis brokers = cluster.brokers();
            System.out.println("""

                    Switchboard cluster (prod profile, %d hubs, replicated Artemis pair, PostgreSQL 16, sandbox \
                    carriers)
                      balancer       %s   (every hub's public base URL; clients may also call a hub directly)
                    %s
                      v1 clients     Authorization: %s
                      Pinnacle       PINNACLE-API-KEY: %s
                      v5 clients     HTTP Basic %s:%s
                      operator       admin / %s
                      Artemis        primary %s  log %s   pid %d
                                     backup  %s  log %s   pid %d
                                     hubs connect with %s
                                     user %s  password %s
                      PostgreSQL     %s  user %s  password %s
                      carriers       http://127.0.0.1:%d/sandbox/carrier-requests?recipient=…
                    Try: curl -s -X POST %s/v1/messages -H 'Authorization: %s' \\
                           -H 'Content-Type: application/json' --data @docs/examples/v1-first-message.json
                    Faults: kill -9 a hub's or the primary's pid; the other hub and the backup carry on.
                    Press Enter to stop it (Ctrl-C kills every part).
                    """.formatted(hubCount, cluster.balancer().baseUrl(), hubs, tenant.v1Authorization(),
                    tenant.pinnacleApiKey(), tenant.v5Username(), tenant.v5Password(), cluster.operatorPassword(),
                    brokers.primary().url(), brokers.primary().log(), brokers.primary().pid(),
                    brokers.backup().url(), brokers.backup().log(), brokers.backup().pid(), brokers.url(),
                    brokers.user(), brokers.password(), cluster.database().jdbcUrl(), cluster.database().user(),
                    cluster.database().password(), cluster.carriers().port(), cluster.balancer().baseUrl(),
                    tenant.v1Authorization()));
            System.in.read();
        }
    }
}

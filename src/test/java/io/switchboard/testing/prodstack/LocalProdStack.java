package io.switchboard.testing.prodstack;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The production stack for a person, on loopback: {@code docker/run-local-prod.sh} starts it and it runs until Enter
 * (an orderly stop) or Ctrl-C (everything killed). Prints where each part is and the credentials it was given.
 */
public final class LocalProdStack {

    private LocalProdStack() {
    }

    public static void main(String[] args) throws IOException {
        Path directory = Path.of("target", "prod-stack",
                "local-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        try (ProdStack stack = ProdStack.start(directory)) {
            ProdStack.Tenant tenant = stack.tenant();
            System.out.println("""

                    Switchboard production stack (prod profile, standalone Artemis, PostgreSQL 16, sandbox carriers)
                      hub            %s   log %s
                      v1 clients     Authorization: %s
                      Pinnacle       PINNACLE-API-KEY: %s
                      v5 clients     HTTP Basic %s:%s
                      operator       admin / %s   (Hawtio %s/actuator/hawtio/)
                      Artemis        %s  user %s  password %s   log %s
                      PostgreSQL     %s  user %s  password %s   log %s
                      carriers       http://127.0.0.1:%d/sandbox/carrier-requests?recipient=…   log %s
                    Try: curl -s -X POST %s/v1/messages -H 'Authorization: %s' \\
                           -H 'Content-Type: application/json' --data @docs/examples/v1-first-message.json
                    Press Enter to stop it (Ctrl-C kills every part).
                    """.formatted(stack.hub().baseUrl(), stack.hub().log(), tenant.v1Authorization(),
                    tenant.pinnacleApiKey(), tenant.v5Username(), tenant.v5Password(), stack.operatorPassword(),
                    stack.hub().baseUrl(), stack.broker().url(), stack.broker().user(), stack.broker().password(),
                    stack.broker().log(), stack.database().jdbcUrl(), stack.database().user(),
                    stack.database().password(), stack.database().log(), stack.carriers().port(),
                    stack.carriers().log(), stack.hub().baseUrl(), tenant.v1Authorization()));
            System.in.read();
        }
    }
}

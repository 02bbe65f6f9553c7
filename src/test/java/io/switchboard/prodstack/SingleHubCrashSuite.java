package io.switchboard.prodstack;

import io.switchboard.testing.prodstack.Deployment;
import io.switchboard.testing.prodstack.ProdStack;
import io.switchboard.testing.prodstack.SteadyLoad;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The crash suite on one hub, killed -9 at random moments, some while it is still starting, and started again on the
 * same stores. {@code -Dswitchboard.crash.kills} (default 2: one under load, one during start-up) sets how often.
 */
abstract class SingleHubCrashSuite extends CrashSuite {

    private static final Logger LOG = LoggerFactory.getLogger(SingleHubCrashSuite.class);
    private static final int KILLS = Integer.getInteger("switchboard.crash.kills", 2);
    /**
     * Log lines of a start, in order; a kill during start-up waits for one of them at random, so it lands before the
     * database is migrated, before Camel runs, or while Tomcat already answers.
     */
    private static final List<String> START_MILESTONES = List.of("Starting SwitchboardApplication",
            "Successfully validated", "Apache Camel", "Tomcat started on port");

    private ProdStack stack;

    abstract ProdStack.Stores stores();

    @Override
    String deployment() {
        return stores().name().toLowerCase() + "-stores";
    }

    @Override
    Deployment deploy(Path directory, Path routing) {
        stack = ProdStack.start(directory, stores(), Map.of("SWITCHBOARD_ROUTING_FILE", "file:" + routing),
                Map.of());
        return stack;
    }

    @Override
    void faults(SteadyLoad load) throws IOException {
        for (int kill = 0; kill < KILLS; kill++) {
            // even kills hit a running hub under load, odd ones the start that follows
            if (kill % 2 == 0) {
                killUnderLoad(load);
            } else {
                killWhileStarting();
            }
            if (kill % 2 == 1 || kill == KILLS - 1) {
                restart();
            }
        }
    }

    /**
     * Kills the hub once it has caught up with the requests that waited for it and accepted a random number more (one
     * to ten seconds of load).
     */
    private void killUnderLoad(SteadyLoad load) {
        // the requests that piled up while it was away are in first, so kills do not pile them up without end
        load.awaitCaughtUp(RATE);
        load.awaitAcceptedMore(RATE + random.nextInt(RATE * 9));
        stack.hub().kill();
        faultsDone.add("hub killed under load, " + load.acceptedSoFar() + " accepted so far");
        LOG.info("Killed the hub under load, {} messages accepted so far", load.acceptedSoFar());
    }

    /** Starts the hub that is down and kills it when its log reaches a milestone of the start chosen at random. */
    private void killWhileStarting() throws IOException {
        String milestone = START_MILESTONES.get(random.nextInt(START_MILESTONES.size()));
        long logBefore = Files.size(stack.hub().log());
        stack.hub().launch();
        Awaitility.await("the hub's start to log " + milestone).atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(100)).until(() -> logSince(logBefore).contains(milestone));
        stack.hub().kill();
        faultsDone.add("hub killed while starting, at '" + milestone + "'");
        LOG.info("Killed the hub while starting, at '{}'", milestone);
    }

    private void restart() {
        stack.hub().start();
        restarts.add(stack.hub().lastStartup());
    }

    private String logSince(long offset) throws IOException {
        try (RandomAccessFile log = new RandomAccessFile(stack.hub().log().toFile(), "r")) {
            log.seek(offset);
            byte[] appended = new byte[(int) (log.length() - offset)];
            log.readFully(appended);
            return new String(appended, StandardCharsets.UTF_8);
        }
    }
}

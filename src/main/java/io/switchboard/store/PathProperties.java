package io.switchboard.store;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the carrier calls and webhook attempts of each message's path are recorded ({@link PathRecorder}).
 *
 * @param queueCapacity records waiting for the writer at most; beyond it new ones are dropped and counted
 * @param batchSize     rows written by one batched statement at most
 * @param writeEvery    how long the writer waits between batches
 * @param retention     how long the records are kept
 * @param cleanupEvery  how often records past their retention are deleted
 */
@ConfigurationProperties("switchboard.path")
public record PathProperties(int queueCapacity, int batchSize, Duration writeEvery, Duration retention,
        Duration cleanupEvery) {
}

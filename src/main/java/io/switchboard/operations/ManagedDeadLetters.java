package io.switchboard.operations;

import java.util.List;
import java.util.Map;

/** The {@link DeadLettersMBean}. */
final class ManagedDeadLetters implements DeadLettersMBean {

    /** Hawtio reads the list again every few seconds while it is shown: a queue filled by an outage stays cheap. */
    static final int LISTED = 100;

    private final DeadLetters deadLetters;
    private final JmxValues values;

    ManagedDeadLetters(DeadLetters deadLetters, JmxValues values) {
        this.deadLetters = deadLetters;
        this.values = values;
    }

    @Override
    public int getCount() {
        return deadLetters.count();
    }

    @Override
    public List<Map<String, Object>> getDeadLetters() {
        return values.each(deadLetters.list(LISTED));
    }

    @Override
    public Map<String, Object> replay(String id) {
        return values.of(deadLetters.replay(id)
                .orElseThrow(() -> new IllegalArgumentException("No dead letter " + id + " is on the queue")));
    }

    @Override
    public int replayAll(String queue) {
        int replayed = 0;
        for (DeadLetters.DeadLetter letter : deadLetters.list(Integer.MAX_VALUE)) {
            if (queue.equals(letter.originalQueue()) && deadLetters.replay(letter.id()).isPresent()) {
                replayed++;
            }
        }
        return replayed;
    }
}

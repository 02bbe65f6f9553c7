package io.switchboard.operations;

import java.util.List;
import java.util.Map;

/** {@code io.switchboard:type=DeadLetters}: the dead-letter queue, as {@code /actuator/deadletters} shows it. */
@Description("The messages whose retries are spent, on the dead-letter queue, and their replay to the queue each came"
        + " from")
public interface DeadLettersMBean {

    @Description("How many messages the dead-letter queue holds")
    int getCount();

    @Description("The first " + ManagedDeadLetters.LISTED + " dead letters, oldest first: JMS id (what replay takes),"
            + " the hub's message id, the queue it came from, why it was dead-lettered, when")
    List<Map<String, Object>> getDeadLetters();

    @Description("Puts one dead letter back on the queue it came from, in one broker transaction; a failed message is"
            + " queued again. Returns the letter.")
    Map<String, Object> replay(@Description("the letter's JMS id, as DeadLetters names it: ID:…") String id);

    @Description("Puts every dead letter that came from this queue back on it. Returns how many.")
    int replayAll(@Description("the queue the letters came from: switchboard.outbound, switchboard.webhook.deliveries, …")
            String queue);
}

package io.switchboard.camel;

import io.switchboard.logging.MessageMdc;
import org.apache.camel.AsyncCallback;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Processor;
import org.apache.camel.spi.InterceptStrategy;
import org.apache.camel.spi.Synchronization;
import org.apache.camel.support.SynchronizationAdapter;
import org.apache.camel.support.processor.DelegateAsyncProcessor;
import org.springframework.stereotype.Component;

/**
 * Before each step of every route, the logging MDC names the message the exchange is about, its
 * {@link Headers#MESSAGE_ID} header ({@link MessageMdc}), so whatever the step logs, and whatever it calls, names it:
 * on JMS consumer threads, whose messages carry the id, as on HTTP, timer and the hub's own threads, and in transacted
 * exchanges, where Camel calls no unit-of-work hook per step. A route that learns the id on its way (an accepted
 * request, a callback matched to its leg) sets the header and is named from its next step on; a split's parts are each
 * named by their own header. The MDC keeps the id between steps, for Camel's own lines there, and once the exchange
 * that changed it is done, it names what it named before (nothing, mostly; on a JMS consumer's thread, the message it
 * took).
 *
 * <p>Per step this costs one header lookup and two MDC reads; the MDC is written only when the message changes, once
 * per exchange mostly. Camel's camel-mdc module copies the whole MDC and writes several keys at every step instead.
 */
@Component
public class MessageIdSteps implements InterceptStrategy {

    /** What the MDC named before an exchange changed it, when it named a message. */
    private static final String NAMED_BEFORE = MessageIdSteps.class.getName() + ".namedBefore";

    /** Puts back what the MDC named before the exchange changed it, when the exchange is done. */
    private static final Synchronization RESTORE = new SynchronizationAdapter() {
        @Override
        public void onDone(Exchange exchange) {
            MessageMdc.show(exchange.getProperty(NAMED_BEFORE, String.class));
        }
    };

    @Override
    public Processor wrapProcessorInInterceptors(CamelContext context, NamedNode definition, Processor target,
            Processor nextTarget) {
        return new DelegateAsyncProcessor(target) {
            @Override
            public boolean process(Exchange exchange, AsyncCallback callback) {
                follow(exchange);
                return processor.process(exchange, callback);
            }
        };
    }

    /** Names the exchange's message in the MDC; the first change an exchange makes is undone when it is done. */
    static void follow(Exchange exchange) {
        String before = MessageMdc.current();
        Object messageId = exchange.getMessage().getHeader(Headers.MESSAGE_ID);
        if (MessageMdc.show(messageId instanceof String id ? id : null)
                && !exchange.getExchangeExtension().containsOnCompletion(RESTORE)) {
            if (before != null) {
                exchange.setProperty(NAMED_BEFORE, before);
            }
            exchange.getExchangeExtension().addOnCompletion(RESTORE);
        }
    }
}

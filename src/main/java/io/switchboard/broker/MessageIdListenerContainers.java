package io.switchboard.broker;

import io.switchboard.camel.Headers;
import io.switchboard.logging.MessageMdc;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import org.apache.camel.component.jms.DefaultJmsMessageListenerContainer;
import org.apache.camel.component.jms.JmsEndpoint;
import org.apache.camel.component.jms.MessageListenerContainerFactory;
import org.springframework.jms.listener.AbstractMessageListenerContainer;

/**
 * Camel's usual JMS consumers, whose threads name the message they took in the logging MDC ({@link MessageMdc}), by
 * its {@link Headers#MESSAGE_ID} property, from the moment they take it until they ask for the next: the listener's
 * lines before and after the route (its transaction's commit or rollback, its failure) name it too, not only the
 * route's steps.
 */
class MessageIdListenerContainers implements MessageListenerContainerFactory {

    @Override
    public AbstractMessageListenerContainer createMessageListenerContainer(JmsEndpoint endpoint) {
        return new Container(endpoint);
    }

    /** Camel's default container; its lines are logged under this class's name. */
    static final class Container extends DefaultJmsMessageListenerContainer {

        Container(JmsEndpoint endpoint) {
            super(endpoint);
        }

        @Override
        protected Message receiveMessage(MessageConsumer consumer) throws JMSException {
            MessageMdc.clear();
            Message message = super.receiveMessage(consumer);
            if (message != null) {
                MessageMdc.show(message.getStringProperty(Headers.MESSAGE_ID));
            }
            return message;
        }
    }
}

package io.switchboard.broker;

import io.switchboard.camel.AllowListHeaderFilterStrategy;
import io.switchboard.camel.Headers;
import jakarta.jms.ConnectionFactory;
import java.util.Set;
import javax.sql.DataSource;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.spring.spi.SpringTransactionPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.jms.connection.JmsTransactionManager;

/**
 * The {@code jms} Camel component and the two transaction managers. camel-jms-starter 4.18.0 is not on this
 * registry, so the component is declared here, over Spring Boot's Artemis connection factory.
 */
@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

    /** Database transactions; the default, so {@code @Transactional} store methods use it. */
    @Bean
    @Primary
    JdbcTransactionManager transactionManager(DataSource dataSource) {
        return new JdbcTransactionManager(dataSource);
    }

    /** Local JMS transactions: a consumed message and the messages sent while handling it commit together. */
    @Bean
    JmsTransactionManager jmsTransactionManager(ConnectionFactory connectionFactory) {
        return new JmsTransactionManager(connectionFactory);
    }

    /** {@code transacted: {ref: jmsTransaction}} in routes that consume from the broker. */
    @Bean
    SpringTransactionPolicy jmsTransaction(JmsTransactionManager jmsTransactionManager) {
        return new SpringTransactionPolicy(jmsTransactionManager);
    }

    /** {@code transacted: {ref: databaseTransaction}} in routes that record before they enqueue. */
    @Bean
    SpringTransactionPolicy databaseTransaction(JdbcTransactionManager transactionManager) {
        return new SpringTransactionPolicy(transactionManager);
    }

    @Bean("jms")
    JmsComponent jms(ConnectionFactory connectionFactory, JmsTransactionManager jmsTransactionManager) {
        JmsComponent jms = new JmsComponent();
        jms.setConnectionFactory(connectionFactory);
        jms.setTransactionManager(jmsTransactionManager);
        // a consumed message's delivery time stays behind, so events it causes are not scheduled after it
        jms.setHeaderFilterStrategy(new AllowListHeaderFilterStrategy(
                Set.of(Headers.GROUP_ID, Headers.DUPLICATE_ID, Headers.SCHEDULED_DELIVERY), Set.of("Switchboard"),
                Set.of("Camel", Headers.SCHEDULED_DELIVERY)));
        return jms;
    }
}

package io.switchboard.store;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * The database transactions. On the embedded H2 file database a commit returns once a group flush has written it
 * ({@link H2GroupFlush}); any other database (PostgreSQL) makes its commits durable itself.
 */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

    @Bean
    H2GroupFlush h2GroupFlush(DataSourceProperties properties, MeterRegistry meters,
            @Value("${switchboard.store.flush-timeout:10s}") Duration timeout) {
        return H2GroupFlush.appliesTo(properties.getUrl()) ? new H2GroupFlush(properties.getUrl(),
                properties.getUsername(), properties.getPassword(), timeout, meters) : null;
    }

    /** The default, so {@code @Transactional} store methods use it. */
    @Bean
    @Primary
    JdbcTransactionManager transactionManager(DataSource dataSource, ObjectProvider<H2GroupFlush> groupFlush) {
        H2GroupFlush flush = groupFlush.getIfAvailable();
        if (flush == null) {
            return new JdbcTransactionManager(dataSource);
        }
        return new JdbcTransactionManager(dataSource) {
            @Override
            protected void doCommit(DefaultTransactionStatus status) {
                super.doCommit(status);
                if (!status.isReadOnly()) {
                    flush.awaitFlushed();
                }
            }
        };
    }
}

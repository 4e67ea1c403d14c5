package dev.queuescope;

import org.jooq.ExecuteListener;
import org.jooq.ExecuteListenerProvider;
import org.springframework.stereotype.Component;

/**
 * Boot's jOOQ auto-configuration adds every {@link ExecuteListenerProvider} bean to the
 * {@code DSLContext}'s configuration; jOOQ calls {@link #provide()} once per execution.
 */
@Component
class DbStatementJfrListenerProvider implements ExecuteListenerProvider {

    @Override
    public ExecuteListener provide() {
        return new DbStatementJfrListener();
    }
}

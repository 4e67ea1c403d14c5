package dev.queuescope;

import java.time.Duration;
import java.time.Instant;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.stereotype.Component;

/**
 * Commits a {@code queuescope.EventPublication} JFR event whenever the outbox repository marks a
 * publication completed. Spring Modulith's registry calls
 * {@link EventPublicationRepository#markCompleted(TargetEventPublication, Instant)} for
 * publications it has in flight in this JVM, which carry their publication date; the registry has
 * no completion callback of its own, so the repository bean is proxied (interface proxy: nothing
 * else in the context depends on the JDBC class).
 */
@Component
class EventPublicationJfrInstaller implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof EventPublicationRepository)) {
            return bean;
        }
        ProxyFactory proxy = new ProxyFactory(bean);
        proxy.addAdvice(new CompletionRecorder());
        return proxy.getProxy();
    }

    private static final class CompletionRecorder implements MethodInterceptor {

        @Override
        public Object invoke(MethodInvocation invocation) throws Throwable {
            Object result = invocation.proceed();
            // Recorded only once the repository accepted it; a later rollback is not seen.
            Object[] args = invocation.getArguments();
            if (invocation.getMethod().getName().equals("markCompleted") && args.length == 2
                    && args[0] instanceof TargetEventPublication publication
                    && args[1] instanceof Instant completionDate) {
                record(publication, completionDate);
            }
            return result;
        }

        private static void record(TargetEventPublication publication, Instant completionDate) {
            EventPublicationCompletedEvent event = new EventPublicationCompletedEvent();
            if (event.shouldCommit()) {
                event.eventType = publication.getEvent().getClass().getName();
                event.listener = publication.getTargetIdentifier().getValue();
                event.publicationId = publication.getIdentifier().toString();
                event.lagNanos = Duration.between(publication.getPublicationDate(), completionDate).toNanos();
                event.commit();
            }
        }
    }
}

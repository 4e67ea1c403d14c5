package dev.queuescope.perf.load;

/**
 * Supplies the request for each arrival. Called once per arrival on the generator's event-loop thread,
 * so it must be cheap and must not block: any time spent here delays every later send.
 */
@FunctionalInterface
public interface RequestSource {

    RequestSpec next();
}

package dev.queuescope.perf.load;

/**
 * How a measured response is classed for an overload run: the service did the work, refused it on
 * purpose, or anything else. Finer than counting's {@link Outcome}: a 404 is COMPLETED there (the
 * service answered) but no goodput here.
 */
public enum ResponseClass {
    /** 2xx: goodput. */
    SUCCESS,
    /** 429 and 503: load shed on purpose, ideally fast and with Retry-After. */
    REFUSED,
    /** 1xx, 3xx, 4xx other than 429, 5xx other than 503, timeouts and connection failures. */
    OTHER;

    static ResponseClass of(Outcome outcome, int status) {
        if (outcome == Outcome.REJECTED) {
            return REFUSED;
        }
        return outcome == Outcome.COMPLETED && status >= 200 && status < 300 ? SUCCESS : OTHER;
    }
}

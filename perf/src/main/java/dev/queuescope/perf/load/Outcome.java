package dev.queuescope.perf.load;

/** How a request ended, for counting. Every outcome still records its latency. */
enum Outcome {
    /** 2xx, 3xx, and 4xx other than 429: the service answered; a 404 is as fast or slow as a 200. */
    COMPLETED,
    /** 429 and 503: the service shed load on purpose. */
    REJECTED,
    /** Any other 5xx, a timeout, a connection failure. */
    ERROR;

    static Outcome of(int status) {
        if (status == 429 || status == 503) {
            return REJECTED;
        }
        return status >= 500 || status < 100 ? ERROR : COMPLETED;
    }
}

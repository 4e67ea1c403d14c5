package dev.queuescope.perf.compare;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a percentile did from run A to run B, given the noise (see {@link PercentileBootstrap}). */
enum Call {
    FASTER("faster"),
    SLOWER("slower"),
    SAME("same within noise");

    private final String label;

    Call(String label) {
        this.label = label;
    }

    @JsonValue
    String label() {
        return label;
    }
}

package dev.queuescope.perf.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OutcomeTest {

    @ParameterizedTest
    @CsvSource({"200, COMPLETED", "302, COMPLETED", "404, COMPLETED", "429, REJECTED", "503, REJECTED",
            "500, ERROR", "502, ERROR", "504, ERROR"})
    void statusCodesAreClassifiedAsTheProductPromises(int status, Outcome expected) {
        assertThat(Outcome.of(status)).isEqualTo(expected);
    }
}

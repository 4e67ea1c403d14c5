package dev.queuescope.catalog.internal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.web.ErrorResponseException;

class CursorTests {

    @Test
    void aCursorDecodesToTheIdItWasMadeFrom() {
        assertThat(Cursor.decode(Cursor.encode(123_456L))).isEqualTo(123_456L);
    }

    @Test
    void noCursorMeansTheFirstPage() {
        assertThat(Cursor.decode(null)).isZero();
        assertThat(Cursor.encode(null)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = { "!!!", "aWQ6", "aWQ6LTE", "eDox", "12345" })
    void aCursorThisApiDidNotIssueIsA400(String cursor) {
        assertThatThrownBy(() -> Cursor.decode(cursor)).isInstanceOfSatisfying(ErrorResponseException.class,
                e -> assertThat(e.getStatusCode().value()).isEqualTo(400));
    }
}

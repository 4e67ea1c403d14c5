package dev.queuescope.catalog.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ETagsTests {

    @Test
    void anETagIsTheQuotedVersion() {
        assertThat(ETags.of(3)).isEqualTo("\"v3\"");
    }

    @Test
    void ifMatchNamesTheExpectedVersion() {
        assertThat(ETags.expectedVersion("\"v3\"")).contains(3);
    }

    @Test
    void noIfMatchOrAStarExpectsNothing() {
        assertThat(ETags.expectedVersion(null)).isEmpty();
        assertThat(ETags.expectedVersion("*")).isEmpty();
    }

    @Test
    void aWeakOrForeignTagCanNeverMatch() {
        assertThat(ETags.expectedVersion("W/\"v3\"")).contains(-1);
        assertThat(ETags.expectedVersion("\"abc\"")).contains(-1);
        assertThat(ETags.expectedVersion("\"v3\"")).isNotEqualTo(Optional.of(-1));
    }
}

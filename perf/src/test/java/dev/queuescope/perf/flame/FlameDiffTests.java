package dev.queuescope.perf.flame;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlameDiffTests {

    @TempDir
    Path dir;

    /** 200 samples split evenly, then 80 samples of which three quarters are hot: hot gained share, cold lost it. */
    private final Map<String, Long> baseline = Map.of("main;work;hot", 100L, "main;work;cold", 100L);
    private final Map<String, Long> comparison = Map.of("main;work;hot", 60L, "main;work;cold", 20L);

    @Test
    void framesAreColouredByTheChangeInTheirShareNotInRawSamples() throws Exception {
        Map<String, Long> diffs = FlameGraphPage.diffs(write());

        // Raw counts would make both blue (-40, -80); scaled to 80 samples the baseline has 40 and 40.
        assertThat(diffs).containsEntry("hot", 20L).containsEntry("cold", -20L).containsEntry("work", 0L);
    }

    @Test
    void aFrameTheBaselineNeverHadIsMarkedNew() throws Exception {
        Path html = dir.resolve("diff.html");
        FlameDiff.write(html, "new", baseline, Map.of("main;work;hot", 10L, "main;work;fresh", 10L));

        assertThat(FlameGraphPage.diffs(Files.readString(html))).containsEntry("fresh", null);
    }

    @Test
    void thePageHasTheTitleAndLoadsNothing() throws Exception {
        String html = write();

        assertThat(html).contains("<h1>cpu: B vs A &lt;test&gt;</h1>").doesNotContain("<script src", "<link", "url(");
    }

    @Test
    void aFunctionsShareIsOfAllSamplesOfEachSideCountingRecursionOnce() {
        Map<String, Long> recursive = Map.of("main;a;a;leaf", 30L, "main;b", 10L);

        assertThat(FrameShare.biggestChanges(baseline, recursive, 3)).containsExactly(
                new FrameShare("work", 1.0, 0.0), new FrameShare("a", 0.0, 0.75), new FrameShare("leaf", 0.0, 0.75));
    }

    private String write() throws Exception {
        Path html = dir.resolve("diff.html");
        FlameDiff.write(html, "cpu: B vs A <test>", baseline, comparison);
        return Files.readString(html);
    }
}

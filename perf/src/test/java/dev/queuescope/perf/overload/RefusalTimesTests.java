package dev.queuescope.perf.overload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import jdk.jfr.Event;
import jdk.jfr.Name;
import jdk.jfr.Recording;
import jdk.jfr.StackTrace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where refusals spent their time, from a recording with the shop's request events in it. */
class RefusalTimesTests {

    @TempDir
    Path dir;

    /** The shop's queuescope.HttpRequest, with the fields read here. */
    @Name(RefusalTimes.REQUEST_EVENT)
    @StackTrace(false)
    static class HttpRequest extends Event {
        int status;
        long intendedStartMicros;
    }

    @Test
    void refusalsInTheWindowSplitIntoTheWaitBeforeTheShopAndTheTimeInside() throws Exception {
        Instant from = Instant.now().minusSeconds(5);
        Path jfr = record(() -> {
            request(503, Instant.now().minusMillis(80));
            request(429, Instant.now().minusMillis(80));
        });

        RefusalTimes times = RefusalTimes.read(jfr, from, from.plusSeconds(60)).orElseThrow();

        assertThat(times.refusals()).isEqualTo(2);
        assertThat(times.beforeShopP99Ms()).isGreaterThanOrEqualTo(80);
        assertThat(times.inShopP99Ms()).isLessThan(times.beforeShopP99Ms());
    }

    @Test
    void answersAndRefusalsIntendedOutsideTheWindowDoNotCount() throws Exception {
        Instant from = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Path jfr = record(() -> {
            request(200, from.plusMillis(1));
            request(503, from.minus(Duration.ofSeconds(2)));
        });

        assertThat(RefusalTimes.read(jfr, from, from.plusSeconds(60))).isEmpty();
    }

    @Test
    void noRecordingTellsNothing() throws Exception {
        assertThat(RefusalTimes.read(dir.resolve("absent.jfr"), Instant.EPOCH, Instant.now())).isEmpty();
    }

    private Path record(Runnable requests) throws Exception {
        Path file = dir.resolve("shop.jfr");
        try (Recording recording = new Recording()) {
            recording.enable(HttpRequest.class);
            recording.start();
            requests.run();
            recording.stop();
            recording.dump(file);
        }
        return file;
    }

    private static void request(int status, Instant intended) {
        HttpRequest event = new HttpRequest();
        event.begin();
        event.status = status;
        event.intendedStartMicros = intended.getEpochSecond() * 1_000_000 + intended.getNano() / 1000;
        event.commit();
    }
}

package dev.queuescope.perf.analysis;

import dev.queuescope.perf.analysis.ShopEventsForTests.ConnectionAcquire;
import dev.queuescope.perf.analysis.ShopEventsForTests.DbStatement;
import dev.queuescope.perf.analysis.ShopEventsForTests.HttpRequest;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import jdk.jfr.Recording;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * A run directory as the kit writes one, with a recording of the shop's events: 99 quick requests
 * and one that waited 40 ms for a pooled connection (plus a warm-up request before the window).
 */
final class RecordedRun {

    private RecordedRun() {
    }

    /** shop.jfr and latency.hlog, the generator's latency recorded as {@code micros} for every request. */
    static void write(Path run, long micros) throws Exception {
        long windowStartMillis = System.currentTimeMillis();
        try (Recording recording = new Recording()) {
            recording.enable(HttpRequest.class);
            recording.enable(ConnectionAcquire.class);
            recording.enable(DbStatement.class);
            recording.enable(ShopEventsForTests.LabActive.class);
            recording.start();
            new ShopEventsForTests.LabActive().commit();
            request("warm-up", windowStartMillis - 5_000, 0, 1);
            for (int i = 0; i < 99; i++) {
                request("quick-" + i, System.currentTimeMillis(), TimeUnit.MICROSECONDS.toNanos(10), 1);
            }
            request("starved", System.currentTimeMillis(), TimeUnit.MILLISECONDS.toNanos(40), 45);
            recording.stop();
            recording.dump(run.resolve("shop.jfr"));
        }
        try (PrintStream out = new PrintStream(Files.newOutputStream(run.resolve("latency.hlog")))) {
            HistogramLogWriter writer = new HistogramLogWriter(out);
            writer.outputComment("queuescope run recorded-run: corrected latency");
            writer.setBaseTime(windowStartMillis);
            writer.outputStartTime(windowStartMillis);
            writer.outputBaseTime(windowStartMillis);
            writer.outputLegend();
            Histogram interval = new Histogram(3);
            interval.recordValueWithCount(micros, 100);
            interval.setStartTimeStamp(windowStartMillis);
            interval.setEndTimeStamp(windowStartMillis + 60_000);
            writer.outputIntervalHistogram(interval);
        }
    }

    private static void request(String id, long intendedStartMillis, long acquireNanos, long millis) {
        HttpRequest http = new HttpRequest();
        http.begin();
        ConnectionAcquire acquire = new ConnectionAcquire();
        acquire.acquireNanos = acquireNanos;
        acquire.requestId = id;
        acquire.commit();
        DbStatement sql = new DbStatement();
        sql.begin();
        LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(200));
        sql.digest = "d1";
        sql.sqlPrefix = "select from catalog.product";
        sql.requestId = id;
        sql.commit();
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(millis));
        http.route = "/api/v1/products/{id}";
        http.requestId = id;
        http.intendedStartMicros = intendedStartMillis * 1_000;
        http.commit();
    }
}

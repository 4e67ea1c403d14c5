package dev.queuescope.perf.analysis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.HistogramLogReader;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Analyses a finished run from what it captured — the service's JFR recording and the generator's
 * interval log — never from the run's settings, and (re)writes {@code queues} in its summary.json.
 */
public final class Analysis {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private Analysis() {
    }

    public static List<QueueEntry> analyse(Path run) throws IOException {
        Window measured = measuredWindow(run.resolve("latency.hlog"));
        Path jfr = run.resolve("shop.jfr");
        List<QueueEntry> queues = Files.exists(jfr)
                ? QueueLedger.of(ShopRecording.read(jfr, measured.from(), measured.to()))
                : QueueLedger.VOCABULARY.stream().map(QueueEntry::unobserved).toList();
        Path summary = run.resolve("summary.json");
        if (Files.exists(summary)) {
            ObjectNode document = (ObjectNode) JSON.readTree(summary.toFile());
            document.set("queues", JSON.valueToTree(queues));
            JSON.writeValue(summary.toFile(), document);
        }
        return queues;
    }

    record Window(Instant from, Instant to) {
    }

    /** The measured phase: from the first interval's start to the last interval's end in the .hlog. */
    static Window measuredWindow(Path hlog) throws IOException {
        long from = Long.MAX_VALUE;
        long to = Long.MIN_VALUE;
        HistogramLogReader reader = new HistogramLogReader(hlog.toFile());
        EncodableHistogram interval;
        while ((interval = reader.nextIntervalHistogram()) != null) {
            from = Math.min(from, interval.getStartTimeStamp());
            to = Math.max(to, interval.getEndTimeStamp());
        }
        reader.close();
        if (from == Long.MAX_VALUE) {
            throw new IOException("No intervals in " + hlog + ": nothing was measured");
        }
        return new Window(Instant.ofEpochMilli(from), Instant.ofEpochMilli(to));
    }
}

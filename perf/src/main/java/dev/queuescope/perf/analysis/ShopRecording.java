package dev.queuescope.perf.analysis;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * The shop's JFR events, joined per request id: every {@code queuescope.HttpRequest} of a generator
 * request (it carries an intended start) inside the measured window, with the connection waits and
 * SQL time its {@code ConnectionAcquire} and {@code DbStatement} events add up to.
 */
final class ShopRecording {

    /** Total SQL time and count of one statement digest over the window's requests (only theirs). */
    record Digest(String digest, String sqlPrefix, long nanos, long count) {
    }

    record Contents(List<ServedRequest> requests, List<Digest> digests, boolean poolObserved,
            boolean statementsObserved) {
    }

    private ShopRecording() {
    }

    static Contents read(Path jfr, Instant from, Instant to) throws IOException {
        Map<String, ServedRequest> requests = new HashMap<>();
        Map<String, long[]> acquireById = new HashMap<>();
        Map<String, long[]> sqlById = new HashMap<>();
        Map<String, List<Digest>> statementsById = new HashMap<>();
        boolean pool = false;
        boolean statements = false;
        try (RecordingFile file = new RecordingFile(jfr)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                switch (event.getEventType().getName()) {
                    case "queuescope.HttpRequest" -> {
                        long intended = event.getLong("intendedStartMicros");
                        Instant intendedStart = Instant.ofEpochSecond(0, intended * 1_000);
                        if (intended > 0 && !intendedStart.isBefore(from) && intendedStart.isBefore(to)) {
                            String id = event.getString("requestId");
                            requests.put(id, new ServedRequest(id, event.getString("route"),
                                    event.getDuration().toNanos(), 0, 0, 0));
                        }
                    }
                    case "queuescope.ConnectionAcquire" -> {
                        pool = true;
                        add(acquireById, event.getString("requestId"), event.getLong("acquireNanos"));
                    }
                    case "queuescope.DbStatement" -> {
                        statements = true;
                        long nanos = event.getDuration().toNanos();
                        String id = event.getString("requestId");
                        add(sqlById, id, nanos);
                        if (id != null && !id.isEmpty()) {
                            statementsById.computeIfAbsent(id, k -> new ArrayList<>()).add(
                                    new Digest(event.getString("digest"), event.getString("sqlPrefix"), nanos, 1));
                        }
                    }
                    default -> {
                        // other events are for later rules
                    }
                }
            }
        }
        List<ServedRequest> joined = new ArrayList<>(requests.size());
        Map<String, Digest> digests = new HashMap<>();
        for (ServedRequest request : requests.values()) {
            for (Digest statement : statementsById.getOrDefault(request.requestId(), List.of())) {
                digests.merge(statement.digest(), statement, (a, b) ->
                        new Digest(a.digest(), a.sqlPrefix(), a.nanos() + b.nanos(), a.count() + b.count()));
            }
            long[] acquire = acquireById.getOrDefault(request.requestId(), new long[2]);
            long[] sql = sqlById.getOrDefault(request.requestId(), new long[2]);
            joined.add(request.plus(acquire[0], sql[0], (int) sql[1]));
        }
        List<Digest> top = digests.values().stream().sorted((a, b) -> Long.compare(b.nanos(), a.nanos())).limit(5)
                .toList();
        return new Contents(joined, top, pool, statements);
    }

    /** Sum and count per request id; events without one (background work) are not a request's. */
    private static void add(Map<String, long[]> totals, String requestId, long nanos) {
        if (requestId == null || requestId.isEmpty()) {
            return;
        }
        long[] total = totals.computeIfAbsent(requestId, id -> new long[2]);
        total[0] += nanos;
        total[1]++;
    }
}

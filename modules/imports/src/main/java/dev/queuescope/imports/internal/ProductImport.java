package dev.queuescope.imports.internal;

import dev.queuescope.imports.ImportStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/** One import's progress, updated by the thread that runs it and read by anyone asking. */
final class ProductImport {

    private final String id = UUID.randomUUID().toString();
    private final Instant startedAt = Instant.now();
    private final AtomicLong rowsRead = new AtomicLong();
    private volatile long rowsLoaded;
    private volatile String state = "RUNNING";
    private volatile @Nullable Instant finishedAt;
    private volatile @Nullable String error;
    private volatile List<Map<String, Object>> errors = List.of();

    String id() {
        return id;
    }

    void rowRead() {
        rowsRead.incrementAndGet();
    }

    void completed(long loaded) {
        rowsLoaded = loaded;
        finish("COMPLETED");
    }

    void failed(String reason, List<Map<String, Object>> rowErrors) {
        error = reason;
        errors = List.copyOf(rowErrors);
        finish("FAILED");
    }

    private void finish(String finalState) {
        finishedAt = Instant.now();
        state = finalState;
    }

    ImportStatus status() {
        return new ImportStatus(id, state, rowsRead.get(), rowsLoaded, startedAt, finishedAt, error, errors);
    }
}

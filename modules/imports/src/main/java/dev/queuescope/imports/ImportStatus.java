package dev.queuescope.imports;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An import as it stands: {@code RUNNING}, then {@code COMPLETED} or {@code FAILED} (a failed import
 * left nothing behind). Rows read count the data lines parsed so far; rows loaded, the products the
 * import created or changed (known when it completes).
 */
public record ImportStatus(String id, String state, long rowsRead, long rowsLoaded, Instant startedAt,
        @Nullable Instant finishedAt, @Nullable String error, List<Map<String, Object>> errors) {
}

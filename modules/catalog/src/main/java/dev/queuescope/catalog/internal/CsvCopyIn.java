package dev.queuescope.catalog.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows for a {@code COPY … FROM STDIN (FORMAT csv)}: text quoted, numbers bare, sent in 64 KB chunks
 * so a stream of any length is held only a chunk at a time. Closing an unfinished copy cancels it.
 */
final class CsvCopyIn implements AutoCloseable {

    private static final int CHUNK_BYTES = 1 << 16;

    private final CopyIn copy;
    private final StringBuilder chunk = new StringBuilder(CHUNK_BYTES + 512);
    private boolean rowStarted;

    private CsvCopyIn(CopyIn copy) {
        this.copy = copy;
    }

    static CsvCopyIn open(Connection connection, String copySql) throws SQLException {
        return new CsvCopyIn(connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql));
    }

    CsvCopyIn text(String value) {
        separate();
        chunk.append('"').append(value.replace("\"", "\"\"")).append('"');
        return this;
    }

    CsvCopyIn number(long value) {
        separate();
        chunk.append(value);
        return this;
    }

    void endRow() throws SQLException {
        chunk.append('\n');
        rowStarted = false;
        if (chunk.length() >= CHUNK_BYTES) {
            flush();
        }
    }

    /** Sends what is left and ends the copy; returns the rows the server took. */
    long finish() throws SQLException {
        flush();
        return copy.endCopy();
    }

    @Override
    public void close() throws SQLException {
        if (copy.isActive()) {
            copy.cancelCopy();
        }
    }

    private void separate() {
        if (rowStarted) {
            chunk.append(',');
        }
        rowStarted = true;
    }

    private void flush() throws SQLException {
        byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        chunk.setLength(0);
    }
}

package dev.queuescope.imports.internal;

import dev.queuescope.catalog.BulkProduct;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * The products of an import upload, read one line at a time as it arrives: CSV ({@code
 * sku,name,description,category,price_cents}, a header first, in any column order) or NDJSON (one
 * object per line with those fields; {@code description} may be left out). A line that breaks a rule is skipped
 * and remembered with its line number — the import then fails as a whole, listing them — so one bad
 * line does not stop the others from being checked.
 */
final class ProductUploadReader implements Iterator<BulkProduct> {

    private static final Pattern SKU = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final int ERRORS_KEPT = 100;

    private final MappingIterator<Map<String, Object>> lines;
    private final ProductImport progress;
    private final List<Map<String, Object>> errors = new ArrayList<>();
    private long invalidLines;
    private @Nullable BulkProduct next;

    private ProductUploadReader(MappingIterator<Map<String, Object>> lines, ProductImport progress) {
        this.lines = lines;
        this.progress = progress;
    }

    static ProductUploadReader csv(InputStream upload, ProductImport progress) {
        return new ProductUploadReader(CsvMapper.shared().readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader().withStrictHeaders(false)).readValues(upload), progress);
    }

    static ProductUploadReader ndjson(InputStream upload, ProductImport progress) {
        return new ProductUploadReader(JsonMapper.shared().readerFor(Map.class).readValues(upload), progress);
    }

    @Override
    public boolean hasNext() {
        while (next == null && lines.hasNextValue()) {
            // Read before the record: after it, the parser stands at the start of the next line.
            int number = lines.currentLocation().getLineNr();
            Map<String, Object> line = lines.nextValue();
            progress.rowRead();
            next = product(line, number);
        }
        return next != null;
    }

    @Override
    public BulkProduct next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        BulkProduct product = next;
        next = null;
        return product;
    }

    /** Lines that broke a rule (the first {@value #ERRORS_KEPT} in {@link #errors()}). */
    long invalidLines() {
        return invalidLines;
    }

    List<Map<String, Object>> errors() {
        return errors;
    }

    private @Nullable BulkProduct product(Map<String, Object> line, int number) {
        Map<String, String> problems = new LinkedHashMap<>();
        String sku = text(line, "sku");
        String name = text(line, "name");
        String description = text(line, "description");
        String category = text(line, "category");
        if (!SKU.matcher(sku).matches()) {
            problems.putIfAbsent("sku", "1–64 letters, digits, '.', '_' or '-'");
        }
        if (name.isBlank() || name.length() > 200) {
            problems.putIfAbsent("name", "1–200 characters");
        }
        if (description.length() > 2000) {
            problems.putIfAbsent("description", "at most 2000 characters");
        }
        if (category.isBlank() || category.length() > 100) {
            problems.putIfAbsent("category", "1–100 characters");
        }
        long priceCents = priceCents(text(line, "price_cents"));
        if (priceCents < 0) {
            problems.putIfAbsent("price_cents", "a whole number of cents, 0 or more");
        }
        if (problems.isEmpty()) {
            return new BulkProduct(sku, name, description, category, priceCents);
        }
        invalidLines++;
        problems.forEach((field, message) -> {
            if (errors.size() < ERRORS_KEPT) {
                errors.add(Map.of("line", number, "field", field, "message", message));
            }
        });
        return null;
    }

    /** A field as text: a CSV cell, or a JSON string or number; absent or null is empty. */
    private static String text(Map<String, Object> line, String field) {
        Object value = line.get(field);
        return value == null ? "" : value.toString();
    }

    private static long priceCents(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}

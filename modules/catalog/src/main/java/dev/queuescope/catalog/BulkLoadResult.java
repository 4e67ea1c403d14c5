package dev.queuescope.catalog;

import java.util.Map;

/** The id of every bulk-loaded product by sku, and how many of them the load inserted. */
public record BulkLoadResult(Map<String, Long> idsBySku, int inserted) {
}

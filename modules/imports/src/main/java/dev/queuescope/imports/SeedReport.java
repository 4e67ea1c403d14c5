package dev.queuescope.imports;

/** What a seed did: the size of the set, how much of it was new, and how long it took. */
public record SeedReport(int categories, int products, int productsInserted, int stockRowsInserted, long millis) {
}

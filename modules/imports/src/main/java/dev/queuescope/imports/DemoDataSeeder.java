package dev.queuescope.imports;

import dev.queuescope.catalog.BulkLoadResult;
import dev.queuescope.catalog.ProductCatalog;
import dev.queuescope.imports.internal.DemoDataSet;
import dev.queuescope.inventory.InventoryManagement;
import java.util.HashMap;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the demo data set (docs/demo-data.md): 100 000 products in 50 categories, with stock.
 * Deterministic (fixed random seed) and idempotent: rows that exist are left alone, so a second
 * seed inserts nothing. One transaction, COPY for the products, one array statement for stock.
 */
@Service
public class DemoDataSeeder {

    private static final Logger log = LogManager.getLogger(DemoDataSeeder.class);

    private final ProductCatalog catalog;
    private final InventoryManagement inventory;

    DemoDataSeeder(ProductCatalog catalog, InventoryManagement inventory) {
        this.catalog = catalog;
        this.inventory = inventory;
    }

    @Transactional
    public SeedReport seed() {
        long start = System.nanoTime();
        DemoDataSet data = DemoDataSet.generate();
        BulkLoadResult loaded = catalog.bulkLoad(data.categories(), data.products());
        int productsInserted = loaded.inserted();

        Map<Long, Integer> stock = new HashMap<>(data.stock().size() * 2);
        data.stock().forEach((sku, available) -> stock.put(loaded.idsBySku().get(sku), available));
        int stockInserted = inventory.bulkLoad(stock);

        long millis = (System.nanoTime() - start) / 1_000_000;
        log.info("Seeded demo data: {} products ({} new), {} stock rows new, in {} ms", data.products().size(),
                productsInserted, stockInserted, millis);
        return new SeedReport(data.categories().size(), data.products().size(), productsInserted, stockInserted,
                millis);
    }
}

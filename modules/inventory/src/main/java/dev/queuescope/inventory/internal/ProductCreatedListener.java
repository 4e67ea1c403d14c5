package dev.queuescope.inventory.internal;

import dev.queuescope.catalog.ProductCreated;
import dev.queuescope.inventory.InventoryManagement;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Gives every new product an empty stock row. Runs after the catalog's transaction commits, in its
 * own transaction, through the event publication registry: a failure leaves the publication
 * incomplete for resubmission.
 */
@Component
class ProductCreatedListener {

    private final InventoryManagement inventory;

    ProductCreatedListener(InventoryManagement inventory) {
        this.inventory = inventory;
    }

    @ApplicationModuleListener
    void on(ProductCreated event) {
        inventory.ensureStockRow(event.productId());
    }
}

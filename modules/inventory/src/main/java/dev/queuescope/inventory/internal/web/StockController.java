package dev.queuescope.inventory.internal.web;

import dev.queuescope.catalog.CatalogProblem;
import dev.queuescope.catalog.ProductCatalog;
import dev.queuescope.inventory.InventoryManagement;
import dev.queuescope.inventory.StockLevel;
import jakarta.validation.Valid;
import java.util.Objects;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stock of a product. A product the catalog knows but whose stock row the listener has not created
 * yet reads as zero and can be PUT all the same.
 */
@RestController
@RequestMapping("/api/v1/inventory")
class StockController {

    private final InventoryManagement inventory;
    private final ProductCatalog catalog;

    StockController(InventoryManagement inventory, ProductCatalog catalog) {
        this.inventory = inventory;
        this.catalog = catalog;
    }

    @GetMapping("/{productId}")
    StockLevel get(@PathVariable long productId) {
        return inventory.stockOf(productId).orElseGet(() -> {
            requireProduct(productId);
            return new StockLevel(productId, 0, 0);
        });
    }

    @PutMapping("/{productId}")
    StockLevel put(@PathVariable long productId, @Valid @RequestBody StockRequest body) {
        requireProduct(productId);
        return inventory.setAvailable(productId, Objects.requireNonNull(body.available()));
    }

    private void requireProduct(long productId) {
        if (catalog.find(productId).isEmpty()) {
            throw CatalogProblem.productNotFound(productId);
        }
    }
}

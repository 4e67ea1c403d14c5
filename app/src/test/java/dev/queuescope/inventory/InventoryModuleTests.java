package dev.queuescope.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.queuescope.catalog.ProductCreated;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.transaction.support.TransactionTemplate;

/** The inventory with the catalog it depends on. */
@ApplicationModuleTest(ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
class InventoryModuleTests {

    @Autowired
    InventoryManagement inventory;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void aCreatedProductGetsAnEmptyStockRow(Scenario scenario) {
        long productId = newProductId();

        scenario.publish(new ProductCreated(productId, "SKU-" + productId, 1))
                .andWaitForStateChange(() -> inventory.stockOf(productId), Optional::isPresent)
                .andVerify(stock -> assertThat(stock).contains(new StockLevel(productId, 0, 0)));
    }

    @Test
    void aReservationIsAllOrNothing() {
        long plenty = newProductId();
        long scarce = newProductId();
        inventory.setAvailable(plenty, 10);
        inventory.setAvailable(scarce, 1);

        assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> inventory.reserve("all-or-nothing",
                List.of(new StockLine(plenty, 5), new StockLine(scarce, 2)))))
                .isInstanceOfSatisfying(InsufficientStockException.class,
                        e -> assertThat(e.shortLines()).containsExactly(new StockLine(scarce, 2)));

        assertThat(inventory.stockOf(plenty)).contains(new StockLevel(plenty, 10, 0));
        assertThat(inventory.stockOf(scarce)).contains(new StockLevel(scarce, 1, 0));
    }

    @Test
    void concurrentReservationsNeverTakeStockBelowZero() throws Exception {
        long productId = newProductId();
        inventory.setAvailable(productId, 50);

        int reserved = 0;
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            List<Future<Boolean>> attempts = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String reference = "concurrent-" + i;
                attempts.add(pool.submit(() -> reserveOne(reference, productId)));
            }
            for (Future<Boolean> attempt : attempts) {
                reserved += attempt.get() ? 1 : 0;
            }
        }

        assertThat(reserved).isEqualTo(50);
        assertThat(inventory.stockOf(productId)).contains(new StockLevel(productId, 0, 50));
    }

    @Test
    void releasingGivesTheReservedUnitsBackOnce() {
        long productId = newProductId();
        inventory.setAvailable(productId, 10);
        transactions.executeWithoutResult(tx -> inventory.reserve("release-me", List.of(new StockLine(productId, 4))));

        transactions.executeWithoutResult(tx -> inventory.release("release-me"));
        transactions.executeWithoutResult(tx -> inventory.release("release-me"));

        assertThat(inventory.stockOf(productId)).contains(new StockLevel(productId, 10, 0));
    }

    private boolean reserveOne(String reference, long productId) {
        try {
            transactions.executeWithoutResult(tx -> inventory.reserve(reference, List.of(new StockLine(productId, 1))));
            return true;
        } catch (InsufficientStockException soldOut) {
            return false;
        }
    }

    /** Inventory refers to products by value only, so any unused id will do here. */
    private static long newProductId() {
        return ThreadLocalRandom.current().nextLong(1_000_000_000L, Long.MAX_VALUE);
    }
}

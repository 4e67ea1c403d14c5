package dev.queuescope.payments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuescope.catalog.Product;
import dev.queuescope.catalog.ProductCatalog;
import dev.queuescope.catalog.ProductDraft;
import dev.queuescope.inventory.InventoryManagement;
import dev.queuescope.orders.OrderManagement;
import dev.queuescope.orders.OrderRequest;
import dev.queuescope.orders.OrderStatus;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;

/** Payments with the modules it depends on (orders, and through it catalog and inventory), without HTTP. */
@ApplicationModuleTest(ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
class PaymentsModuleTests {

    @Autowired
    ProductCatalog catalog;

    @Autowired
    InventoryManagement inventory;

    /** Orders hold their customer's id by value; this module test has no customers module to ask. */
    static final long CUSTOMER = 1;

    @Autowired
    OrderManagement orders;

    @Autowired
    Payments payments;

    @Test
    void aPlacedOrderGetsASucceededChargeAndIsPaid(Scenario scenario) {
        Product product = catalog.create(new ProductDraft("PAY-" + UUID.randomUUID(), "Paid product", "",
                catalog.createCategory("payments-" + UUID.randomUUID()).id(), 2_500));
        inventory.setAvailable(product.id(), 5);
        AtomicLong orderId = new AtomicLong();

        scenario.stimulate(() -> orderId.set(orders.place(CUSTOMER, UUID.randomUUID().toString(),
                        new OrderRequest(List.of(new OrderRequest.Item(product.id(), 2)))).order().id()))
                .andWaitForStateChange(() -> payments.chargeOf(orderId.get()).map(Charge::status).orElse(null),
                        status -> status == ChargeStatus.SUCCEEDED)
                .andVerify(status -> {
                    assertThat(orders.find(orderId.get()).orElseThrow().status()).isEqualTo(OrderStatus.PAID);
                    assertThat(payments.chargeOf(orderId.get()).orElseThrow().amountCents()).isEqualTo(5_000);
                });
    }
}

package dev.queuescope.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;

/** The catalog alone: no other module is bootstrapped, and only its schema is migrated. */
@ApplicationModuleTest
class CatalogModuleTests {

    @Autowired
    ProductCatalog catalog;

    @Test
    void creatingAProductPublishesProductCreated(Scenario scenario) {
        long category = catalog.createCategory("Module test " + UUID.randomUUID()).id();
        ProductDraft draft = new ProductDraft("MT-" + UUID.randomUUID(), "Lamp", "", category, 1_500);

        scenario.stimulate(() -> catalog.create(draft))
                .andWaitForEventOfType(ProductCreated.class)
                .matching(event -> event.sku().equals(draft.sku()))
                .toArriveAndVerify((event, product) -> {
                    assertThat(event.productId()).isEqualTo(product.id());
                    assertThat(event.categoryId()).isEqualTo(category);
                });
    }

    @Test
    void anUpdateThatFailsItsVersionCheckLeavesTheCachedProductValid() {
        long category = catalog.createCategory("Module test " + UUID.randomUUID()).id();
        Product product = catalog.create(new ProductDraft("MT-" + UUID.randomUUID(), "Desk", "", category, 100));
        assertThat(catalog.find(product.id())).contains(product);

        assertThatThrownBy(() -> catalog.update(product.id(),
                new ProductDraft(product.sku(), "Chair", "", category, 100), Optional.of(7)))
                .isInstanceOfSatisfying(CatalogProblem.class, e -> assertThat(e.getStatusCode().value()).isEqualTo(412));

        assertThat(catalog.find(product.id())).map(Product::name).contains("Desk");
    }
}

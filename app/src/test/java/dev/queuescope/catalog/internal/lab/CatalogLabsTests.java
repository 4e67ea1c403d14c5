package dev.queuescope.catalog.internal.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuescope.ShopHttpTest;
import dev.queuescope.catalog.ProductQuery;
import dev.queuescope.catalog.internal.CategoryRepository;
import dev.queuescope.catalog.internal.ProductRepository;
import dev.queuescope.imports.DemoDataSeeder;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A lab changes how the shop reads a page, never what it returns (docs/labs.md): each catalog lab's
 * repository, built by hand beside the shop's, gives the same pages as the shop's own.
 */
@ShopHttpTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogLabsTests {

    @Autowired
    DSLContext db;

    @Autowired
    ProductRepository products;

    @Autowired
    CategoryRepository categories;

    List<ProductQuery> queries;

    @BeforeAll
    void seed(@Autowired DemoDataSeeder seeder) {
        seeder.seed();
        long lamps = db.fetchSingle("select id from catalog.category where name = 'Lamps'").get(0, Long.class);
        queries = List.of(new ProductQuery(null, null, null, null, 0, 20),
                new ProductQuery(lamps, null, null, null, 0, 100),
                new ProductQuery(lamps, null, null, null, 5_000, 20),
                new ProductQuery(null, null, null, "oak", 0, 20));
    }

    private ProductRepository lab(String name) {
        return switch (name) {
            case "n-plus-one" -> new NPlusOneProductRepository(db, categories);
            case "cpu-burn" -> new CpuBurnProductRepository(db);
            case "lock-contention" -> new LockContentionProductRepository(db);
            case "gc-pressure" -> new GcPressureProductRepository(db);
            default -> throw new IllegalArgumentException(name);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"n-plus-one", "cpu-burn", "lock-contention", "gc-pressure"})
    void aLabReturnsTheSamePagesAsTheShop(String name) {
        ProductRepository lab = lab(name);

        for (ProductQuery query : queries) {
            assertThat(lab.page(query)).as(name + " " + query).isNotEmpty().isEqualTo(products.page(query));
        }
    }
}

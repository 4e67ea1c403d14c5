package dev.queuescope.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuescope.catalog.BulkProduct;
import dev.queuescope.imports.internal.DemoDataSet;
import org.junit.jupiter.api.Test;

class DemoDataSetTests {

    private final DemoDataSet data = DemoDataSet.generate();

    @Test
    void isTheSameOnEveryGeneration() {
        assertThat(DemoDataSet.generate()).isEqualTo(data);
    }

    @Test
    void holdsOneHundredThousandProductsInFiftyCategories() {
        assertThat(data.products()).hasSize(100_000);
        assertThat(data.categories()).hasSize(50).doesNotHaveDuplicates();
        assertThat(data.products()).extracting(BulkProduct::categoryName).containsOnlyElementsOf(data.categories());
        assertThat(data.stock()).hasSize(100_000)
                .allSatisfy((sku, available) -> assertThat(available).isBetween(0, 500));
    }

    @Test
    void eachMaterialNamesAboutOneTwentiethOfTheProducts() {
        long oak = data.products().stream().filter(p -> p.name().contains(" Oak ")).count();
        assertThat(oak).isBetween(4_500L, 5_500L);
    }

    @Test
    void theFirstProductIsTheDocumentedOne() {
        assertThat(data.products().getFirst()).isEqualTo(new BulkProduct("DEMO-000001", "Vintage Brass Puzzle",
                "A vintage puzzle made of brass.", "Puzzles", 25_600));
    }
}

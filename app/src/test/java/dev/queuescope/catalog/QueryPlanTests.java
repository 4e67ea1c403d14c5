package dev.queuescope.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.queuescope.ShopHttpTest;
import dev.queuescope.catalog.internal.ProductRepository;
import dev.queuescope.imports.DemoDataSeeder;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.ResultQuery;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Every query the catalog API runs is served by an index over the 100k demo set: EXPLAIN (ANALYZE,
 * BUFFERS) of the exact statements the repository builds, with bounds on the rows each one reads
 * and the buffers it touches. A sequential scan of the product table reads ~100k rows and
 * thousands of buffers, so it fails every bound here.
 */
@ShopHttpTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryPlanTests {

    /** What one statement cost: rows its scans read (returned + filtered out) and buffers touched. */
    record PlanCost(long rowsRead, long buffers, List<String> scans) {
    }

    @Autowired
    DSLContext db;

    @Autowired
    ProductRepository products;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ObjectMapper json;

    long categoryId;

    @BeforeAll
    void seedAndAnalyze(@Autowired DemoDataSeeder seeder) {
        seeder.seed();
        db.execute("vacuum analyze catalog.product");
        categoryId = db.fetchSingle("select id from catalog.category where name = 'Lamps'").get(0, Long.class);
    }

    @Test
    void lookupByIdReadsOneRow() {
        assertServedByIndex(products.findQuery(42), 1, 10);
    }

    @Test
    void theFirstPageReadsOnlyItsRows() {
        assertServedByIndex(page(null, null, null, null, 0), 20, 20);
    }

    @Test
    void aDeepPageCostsWhatTheFirstPageCosts() {
        assertServedByIndex(page(null, null, null, null, 90_000), 20, 20);
    }

    /** One product in 50 is a lamp: the primary-key walk finds 20 of them within ~1 000 rows. */
    @Test
    void aCategoryPageIsBounded() {
        assertServedByIndex(page(categoryId, null, null, null, 0), 2_500, 100);
    }

    @Test
    void aPriceRangePageIsBounded() {
        assertServedByIndex(page(null, 10_000L, 11_000L, null, 0), 2_500, 600);
    }

    /** One product in 20 is oak: the primary-key walk finds 20 of them within a few hundred rows. */
    @Test
    void aSearchForACommonWordIsBounded() {
        assertServedByIndex(page(null, null, null, "oak", 0), 2_500, 200);
    }

    /** About 200 products are oak chairs: the GIN index hands over just those (read once, then joined by id). */
    @Test
    void aSearchForARareCombinationReadsOnlyItsMatches() {
        assertServedByIndex(page(null, null, null, "oak chair", 0), 600, 600);
    }

    @Test
    void aSearchForAnAbsentWordIsBounded() {
        assertServedByIndex(page(null, null, null, "zyzzyva", 0), 100, 50);
    }

    @Test
    void withoutItsIndexTheSearchFailsTheCheck() {
        transactions.executeWithoutResult(tx -> {
            db.execute("drop index catalog.product_search_idx");
            assertThatThrownBy(() -> assertServedByIndex(page(null, null, null, "oak chair", 0), 600, 600))
                    .isInstanceOf(AssertionError.class);
            tx.setRollbackOnly();
        });
        assertServedByIndex(page(null, null, null, "oak chair", 0), 600, 600);
    }

    private ResultQuery<?> page(Long category, Long minPrice, Long maxPrice, String text, long after) {
        return products.pageQuery(new ProductQuery(category, minPrice, maxPrice, text, after, 20));
    }

    private void assertServedByIndex(ResultQuery<?> query, long maxRowsRead, long maxBuffers) {
        PlanCost cost = explain(query);
        assertThat(cost.scans()).as("scans of %s", query).noneMatch(scan -> scan.startsWith("Seq Scan"));
        assertThat(cost.rowsRead()).as("rows read (%s) by %s", cost, query).isLessThanOrEqualTo(maxRowsRead);
        assertThat(cost.buffers()).as("buffers touched (%s) by %s", cost, query).isLessThanOrEqualTo(maxBuffers);
    }

    private PlanCost explain(ResultQuery<?> query) {
        String plan = db.fetchSingle("explain (analyze, buffers, format json) " + db.renderInlined(query))
                .get(0, String.class);
        JsonNode root = json.readTree(plan).get(0).get("Plan");
        List<String> scans = new ArrayList<>();
        long rowsRead = rowsRead(root, scans);
        long buffers = root.path("Shared Hit Blocks").asLong() + root.path("Shared Read Blocks").asLong();
        return new PlanCost(rowsRead, buffers, scans);
    }

    /** Rows the scan nodes produced or filtered out, per loop, summed over the plan tree. */
    private static long rowsRead(JsonNode node, List<String> scans) {
        long rows = 0;
        String type = node.path("Node Type").asText();
        if (type.contains("Scan")) {
            scans.add(type + " on " + node.path("Relation Name").asText(node.path("Index Name").asText()));
            long loops = Math.max(1, node.path("Actual Loops").asLong());
            rows += (node.path("Actual Rows").asLong() + node.path("Rows Removed by Filter").asLong()
                    + node.path("Rows Removed by Index Recheck").asLong()) * loops;
        }
        for (JsonNode child : node.path("Plans")) {
            rows += rowsRead(child, scans);
        }
        return rows;
    }
}

package dev.queuescope.catalog;

import dev.queuescope.catalog.internal.CategoryRepository;
import dev.queuescope.catalog.internal.ProductBulkLoader;
import dev.queuescope.catalog.internal.ProductCsvExport;
import dev.queuescope.catalog.internal.ProductImporter;
import dev.queuescope.catalog.internal.ProductRepository;
import java.io.OutputStream;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.cache.annotation.CacheEvict;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalog's API. Reads by id are cached ("products", invalidated after an update commits);
 * creating a product publishes {@link ProductCreated} through the event publication registry.
 */
@Service
public class ProductCatalog {

    public static final String PRODUCT_CACHE = "products";

    private final ProductRepository products;
    private final CategoryRepository categories;
    private final ProductBulkLoader bulkLoader;
    private final ProductImporter importer;
    private final ProductCsvExport csvExport;
    private final ApplicationEventPublisher events;

    ProductCatalog(ProductRepository products, CategoryRepository categories, ProductBulkLoader bulkLoader,
            ProductImporter importer, ProductCsvExport csvExport, ApplicationEventPublisher events) {
        this.products = products;
        this.categories = categories;
        this.bulkLoader = bulkLoader;
        this.importer = importer;
        this.csvExport = csvExport;
        this.events = events;
    }

    /**
     * No transaction of its own (a caller's is joined): one select is consistent on its own, and a
     * read-only transaction around it costs three more round trips to the database (set read only,
     * commit, set read write) — with the cache off it halved the reads per second (docs/tuning.md).
     */
    @Cacheable(cacheNames = PRODUCT_CACHE, key = "#id", unless = "#result == null")
    public Optional<Product> find(long id) {
        return products.find(id);
    }

    /** The products among {@code ids} that exist, by id: one query, whatever the number of ids. */
    public Map<Long, Product> findAll(Collection<Long> ids) {
        return products.findAll(ids);
    }

    /**
     * No transaction: a page is one read (a search: a capped count, then the read), each consistent on
     * its own. Without one, a connection is borrowed only while a statement runs — never while the
     * thread waits for anything else — and returned at once.
     */
    public ProductPage list(ProductQuery query) {
        List<Product> page = products.page(query);
        Long lastId = page.size() == query.limit() ? page.getLast().id() : null;
        return new ProductPage(page, lastId);
    }

    @Transactional
    public Product create(ProductDraft draft) {
        requireCategory(draft.categoryId());
        Product product = products.insert(draft).orElseThrow(() -> CatalogProblem.duplicateSku(draft.sku()));
        events.publishEvent(new ProductCreated(product.id(), product.sku(), product.categoryId()));
        return product;
    }

    /**
     * Replaces a product's fields. With {@code expectedVersion} set, the update happens only if the
     * product is still at that version (optimistic concurrency, the If-Match of the HTTP API).
     */
    @CacheEvict(cacheNames = PRODUCT_CACHE, key = "#id")
    @Transactional
    public Product update(long id, ProductDraft draft, Optional<Integer> expectedVersion) {
        requireCategory(draft.categoryId());
        if (products.find(id).isEmpty()) {
            throw CatalogProblem.productNotFound(id);
        }
        if (products.skuTakenByOther(draft.sku(), id)) {
            throw CatalogProblem.duplicateSku(draft.sku());
        }
        return products.update(id, draft, expectedVersion).orElseThrow(() -> CatalogProblem.stale(id));
    }

    @Transactional
    public Category createCategory(String name) {
        return categories.insert(name).orElseThrow(() -> CatalogProblem.duplicateCategory(name));
    }

    /** One select, no transaction of its own (see {@link #find}). */
    public List<Category> categories() {
        return categories.findAll();
    }

    /**
     * Bulk load for demo and import data: creates the missing categories and products (matched by
     * name and sku; existing rows are left as they are) with COPY, publishing no per-row events.
     *
     * @return the id of every draft's product by sku, and how many were new
     */
    @Transactional
    public BulkLoadResult bulkLoad(Collection<String> categoryNames, Collection<BulkProduct> drafts) {
        Map<String, Long> categoryIds = categories.ensure(categoryNames);
        return bulkLoader.load(drafts, categoryIds);
    }

    /**
     * Imports products from a stream, merging by sku (new ones created, existing ones updated) and
     * creating missing categories, set-based; publishes no per-row events. Only inside the caller's
     * transaction ({@code MANDATORY}): an import spans modules (the caller makes the new products' stock
     * rows) and is all-or-nothing. Every cached product may have changed, so the cache is emptied.
     *
     * @throws CatalogProblem (422) when the stream names a sku more than once
     */
    @Transactional(propagation = Propagation.MANDATORY)
    @CacheEvict(cacheNames = PRODUCT_CACHE, allEntries = true)
    public ProductImportResult importProducts(Iterator<BulkProduct> rows) {
        return importer.load(rows);
    }

    /**
     * Every product as CSV ({@code id,sku,name,description,category,price_cents}, a header first), in id
     * order, written to {@code out} as the database reads it: one statement, constant memory.
     *
     * @return the number of products written
     */
    public long exportCsv(OutputStream out) {
        return csvExport.write(out);
    }

    private void requireCategory(long categoryId) {
        if (!categories.exists(categoryId)) {
            throw CatalogProblem.unknownCategory(categoryId);
        }
    }
}

package dev.queuescope.catalog.internal.web;

import dev.queuescope.catalog.CatalogProblem;
import dev.queuescope.catalog.Product;
import dev.queuescope.catalog.ProductCatalog;
import dev.queuescope.catalog.ProductPage;
import dev.queuescope.catalog.ProductQuery;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

@RestController
@RequestMapping("/api/v1/products")
class ProductController {

    private final ProductCatalog catalog;

    ProductController(ProductCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * Keyset-paginated list in ascending id order; {@code q} adds a full-text match
     * (websearch syntax: words, "phrases", -exclusions), results still in id order.
     */
    @GetMapping
    ListResponse<Product> list(
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
            @RequestParam(required = false) @Nullable String after,
            @RequestParam(required = false) @Nullable Long categoryId,
            @RequestParam(required = false) @PositiveOrZero @Nullable Long minPriceCents,
            @RequestParam(required = false) @PositiveOrZero @Nullable Long maxPriceCents,
            @RequestParam(required = false) @Size(min = 1, max = 200) @Nullable String q) {
        ProductPage page = catalog.list(new ProductQuery(categoryId, minPriceCents, maxPriceCents,
                q == null || q.isBlank() ? null : q, Cursor.decode(after), limit));
        return new ListResponse<>(page.items(), Cursor.encode(page.lastId()));
    }

    @GetMapping("/{id}")
    @Nullable ResponseEntity<Product> get(@PathVariable long id, WebRequest request) {
        Product product = catalog.find(id).orElseThrow(() -> CatalogProblem.productNotFound(id));
        if (request.checkNotModified(ETags.of(product.version()))) {
            return null;
        }
        return ResponseEntity.ok().eTag(ETags.of(product.version())).body(product);
    }

    @PostMapping
    ResponseEntity<Product> create(@Valid @RequestBody ProductRequest body) {
        Product product = catalog.create(body.toDraft());
        return ResponseEntity.created(URI.create("/api/v1/products/" + product.id()))
                .eTag(ETags.of(product.version()))
                .body(product);
    }

    /** Replaces the product's fields; with If-Match, only if it is still that version (else 412). */
    @PutMapping("/{id}")
    ResponseEntity<Product> update(@PathVariable long id, @Valid @RequestBody ProductRequest body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        Product product = catalog.update(id, body.toDraft(), ETags.expectedVersion(ifMatch));
        return ResponseEntity.ok().eTag(ETags.of(product.version())).body(product);
    }
}

package dev.queuescope.catalog.internal.web;

import dev.queuescope.catalog.Category;
import dev.queuescope.catalog.ProductCatalog;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Objects;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Categories are few (tens), so their list is a single page. */
@RestController
@RequestMapping("/api/v1/categories")
class CategoryController {

    private final ProductCatalog catalog;

    CategoryController(ProductCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    ListResponse<Category> list() {
        return new ListResponse<>(catalog.categories(), null);
    }

    @PostMapping
    ResponseEntity<Category> create(@Valid @RequestBody CategoryRequest body) {
        Category category = catalog.createCategory(Objects.requireNonNull(body.name()).strip());
        return ResponseEntity.created(URI.create("/api/v1/categories/" + category.id())).body(category);
    }
}

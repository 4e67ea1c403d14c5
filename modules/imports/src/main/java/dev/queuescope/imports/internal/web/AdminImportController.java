package dev.queuescope.imports.internal.web;

import dev.queuescope.imports.ImportStatus;
import dev.queuescope.imports.internal.ProductImports;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AdminImportController {

    private final ProductImports imports;

    AdminImportController(ProductImports imports) {
        this.imports = imports;
    }

    /**
     * Imports products from a CSV upload, read as it streams in (never whole in memory); answers when the
     * import has committed — or has been refused as a whole.
     */
    @PostMapping(path = "/api/v1/admin/imports/products", consumes = "text/csv")
    ResponseEntity<ImportStatus> importCsv(HttpServletRequest request) throws IOException {
        return created(imports.importCsv(request.getInputStream()));
    }

    /** The same from NDJSON: one product object per line. */
    @PostMapping(path = "/api/v1/admin/imports/products", consumes = "application/x-ndjson")
    ResponseEntity<ImportStatus> importNdjson(HttpServletRequest request) throws IOException {
        return created(imports.importNdjson(request.getInputStream()));
    }

    private static ResponseEntity<ImportStatus> created(ImportStatus status) {
        return ResponseEntity.created(URI.create("/api/v1/admin/imports/" + status.id())).body(status);
    }

    @GetMapping("/api/v1/admin/imports/{id}")
    ImportStatus status(@PathVariable String id) {
        return imports.status(id);
    }

    /** The latest imports, newest first: how a long import's progress is followed while it runs. */
    @GetMapping("/api/v1/admin/imports")
    List<ImportStatus> recent() {
        return imports.recent();
    }
}

package dev.queuescope.imports.internal.web;

import dev.queuescope.catalog.ProductCatalog;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AdminExportController {

    private final ProductCatalog catalog;

    AdminExportController(ProductCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * Every product as CSV, streamed as the database reads it (chunked; gzip when the client accepts it,
     * by the server's compression settings). Written on the request thread, straight to the response.
     */
    @GetMapping("/api/v1/admin/exports/products.csv")
    void products(HttpServletResponse response) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"products.csv\"");
        catalog.exportCsv(response.getOutputStream());
    }
}

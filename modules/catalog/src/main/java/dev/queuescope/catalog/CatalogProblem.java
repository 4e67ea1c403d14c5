package dev.queuescope.catalog;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A request the catalog refuses, rendered as RFC 9457 problem+json. {@code errors} names the fields.
 */
public class CatalogProblem extends ErrorResponseException {

    private CatalogProblem(HttpStatus status, String type, String detail, List<Map<String, String>> errors) {
        super(status, problem(status, type, detail, errors), null);
    }

    private static ProblemDetail problem(HttpStatus status, String type, String detail,
            List<Map<String, String>> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:queuescope:problem:" + type));
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return problem;
    }

    public static CatalogProblem productNotFound(long id) {
        return new CatalogProblem(HttpStatus.NOT_FOUND, "product-not-found", "No product with id " + id, List.of());
    }

    public static CatalogProblem unknownCategory(long categoryId) {
        return new CatalogProblem(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-category",
                "No category with id " + categoryId,
                List.of(Map.of("field", "categoryId", "message", "no such category")));
    }

    public static CatalogProblem duplicateSku(String sku) {
        return new CatalogProblem(HttpStatus.CONFLICT, "duplicate-sku", "A product with sku " + sku + " exists",
                List.of(Map.of("field", "sku", "message", "already used")));
    }

    public static CatalogProblem duplicateCategory(String name) {
        return new CatalogProblem(HttpStatus.CONFLICT, "duplicate-category", "A category named " + name + " exists",
                List.of(Map.of("field", "name", "message", "already used")));
    }

    public static CatalogProblem repeatedSkus(List<String> skus) {
        return new CatalogProblem(HttpStatus.UNPROCESSABLE_CONTENT, "repeated-sku",
                "An import names a sku more than once; nothing was imported",
                skus.stream().map(sku -> Map.of("field", "sku", "message", sku + " appears more than once")).toList());
    }

    public static CatalogProblem stale(long id) {
        return new CatalogProblem(HttpStatus.PRECONDITION_FAILED, "stale-product",
                "Product " + id + " has changed since the version in If-Match", List.of());
    }
}

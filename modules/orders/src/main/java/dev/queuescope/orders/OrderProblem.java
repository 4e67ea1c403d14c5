package dev.queuescope.orders;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A request the orders module refuses, as RFC 9457 problem+json; {@code errors} names the fields. */
public class OrderProblem extends ErrorResponseException {

    private OrderProblem(HttpStatus status, String type, String detail, List<Map<String, String>> errors) {
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

    public static OrderProblem notFound(long id) {
        return new OrderProblem(HttpStatus.NOT_FOUND, "order-not-found", "No order with id " + id, List.of());
    }

    public static OrderProblem unknownProducts(List<Map<String, String>> errors) {
        return new OrderProblem(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-product",
                "Some ordered products do not exist", errors);
    }

    public static OrderProblem insufficientStock(List<Map<String, String>> errors) {
        return new OrderProblem(HttpStatus.CONFLICT, "insufficient-stock",
                "Not enough stock for some ordered products", errors);
    }

    public static OrderProblem keyReused() {
        return new OrderProblem(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
                "This Idempotency-Key was used for a different request",
                List.of(Map.of("field", "Idempotency-Key", "message", "already used with another body")));
    }

    public static OrderProblem illegalTransition(long id, OrderStatus from, OrderStatus to) {
        return new OrderProblem(HttpStatus.CONFLICT, "illegal-transition",
                "Order " + id + " is " + from + " and cannot become " + to, List.of());
    }
}

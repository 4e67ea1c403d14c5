package dev.queuescope.orders.internal.web;

import dev.queuescope.customers.Caller;
import dev.queuescope.orders.Order;
import dev.queuescope.orders.OrderManagement;
import dev.queuescope.orders.OrderPage;
import dev.queuescope.orders.OrderProblem;
import dev.queuescope.orders.PlacedOrder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/orders")
class OrderController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final OrderManagement orders;

    OrderController(OrderManagement orders) {
        this.orders = orders;
    }

    /** 201 for a new order; 200 with {@code Idempotent-Replayed: true} when the key already placed it. */
    @PostMapping
    ResponseEntity<Order> place(@AuthenticationPrincipal Caller caller,
            @RequestHeader(IDEMPOTENCY_KEY) @NotBlank @Size(max = 200) String key,
            @Valid @RequestBody PlaceOrderRequest body) {
        PlacedOrder placed = orders.place(caller.customerId(), key, body.toRequest());
        Order order = placed.order();
        return ResponseEntity.status(placed.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                .location(URI.create("/api/v1/orders/" + order.id()))
                .header("Idempotent-Replayed", Boolean.toString(placed.replayed()))
                .body(order);
    }

    /** The caller's orders, newest first: {@code after} is the previous page's {@code nextCursor}. */
    @GetMapping
    OrderPage list(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) @Nullable Long after,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return orders.list(caller, after, limit);
    }

    /** Someone else's order is a 404, exactly like a missing one: ids do not reveal what exists. */
    @GetMapping("/{id}")
    Order get(@AuthenticationPrincipal Caller caller, @PathVariable long id) {
        return orders.findFor(caller, id).orElseThrow(() -> OrderProblem.notFound(id));
    }

    @PostMapping("/{id}/cancel")
    Order cancel(@AuthenticationPrincipal Caller caller, @PathVariable long id) {
        return orders.cancelFor(caller, id);
    }
}

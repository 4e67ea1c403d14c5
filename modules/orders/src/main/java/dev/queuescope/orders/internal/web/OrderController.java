package dev.queuescope.orders.internal.web;

import dev.queuescope.orders.Order;
import dev.queuescope.orders.OrderManagement;
import dev.queuescope.orders.OrderProblem;
import dev.queuescope.orders.PlacedOrder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
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
    ResponseEntity<Order> place(@RequestHeader(IDEMPOTENCY_KEY) @NotBlank @Size(max = 200) String key,
            @Valid @RequestBody PlaceOrderRequest body) {
        PlacedOrder placed = orders.place(key, body.toRequest());
        Order order = placed.order();
        return ResponseEntity.status(placed.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                .location(URI.create("/api/v1/orders/" + order.id()))
                .header("Idempotent-Replayed", Boolean.toString(placed.replayed()))
                .body(order);
    }

    @GetMapping("/{id}")
    Order get(@PathVariable long id) {
        return orders.find(id).orElseThrow(() -> OrderProblem.notFound(id));
    }

    @PostMapping("/{id}/cancel")
    Order cancel(@PathVariable long id) {
        return orders.cancel(id);
    }
}

package dev.queuescope.customers.internal.web;

import dev.queuescope.customers.Customer;
import dev.queuescope.customers.CustomerAccounts;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CustomerController {

    private final CustomerAccounts accounts;

    CustomerController(CustomerAccounts accounts) {
        this.accounts = accounts;
    }

    /** Anyone may register; the account is a {@code CUSTOMER}. */
    @PostMapping("/api/v1/customers")
    ResponseEntity<Customer> register(@Valid @RequestBody Credentials body) {
        Customer customer = accounts.register(body.email(), body.password());
        return ResponseEntity.created(URI.create("/api/v1/customers/" + customer.id())).body(customer);
    }
}

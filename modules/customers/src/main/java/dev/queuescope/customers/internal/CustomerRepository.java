package dev.queuescope.customers.internal;

import static dev.queuescope.customers.internal.db.Tables.CUSTOMER;

import dev.queuescope.customers.Customer;
import dev.queuescope.customers.Role;
import dev.queuescope.customers.internal.db.tables.records.CustomerRecord;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

@Repository
public class CustomerRepository {

    /** An account with its password hash: only for checking a login. */
    public record Credentials(Customer customer, String passwordHash) {
    }

    private final DSLContext db;

    CustomerRepository(DSLContext db) {
        this.db = db;
    }

    /** The new account, or empty when the email is taken. */
    public Optional<Customer> insert(String email, String passwordHash, Role role) {
        return db.insertInto(CUSTOMER)
                .set(CUSTOMER.EMAIL, email)
                .set(CUSTOMER.PASSWORD_HASH, passwordHash)
                .set(CUSTOMER.ROLE, role.name())
                .onConflict(CUSTOMER.EMAIL).doNothing()
                .returning()
                .fetchOptional()
                .map(CustomerRepository::toCustomer);
    }

    public Optional<Credentials> findByEmail(String email) {
        return db.selectFrom(CUSTOMER).where(CUSTOMER.EMAIL.eq(email)).fetchOptional()
                .map(r -> new Credentials(toCustomer(r), r.getPasswordHash()));
    }

    public void setPasswordAndRole(long id, String passwordHash, Role role) {
        db.update(CUSTOMER)
                .set(CUSTOMER.PASSWORD_HASH, passwordHash)
                .set(CUSTOMER.ROLE, role.name())
                .where(CUSTOMER.ID.eq(id))
                .execute();
    }

    private static Customer toCustomer(CustomerRecord r) {
        return new Customer(r.getId(), r.getEmail(), Role.valueOf(r.getRole()), r.getCreatedAt());
    }
}

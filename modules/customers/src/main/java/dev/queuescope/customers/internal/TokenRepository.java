package dev.queuescope.customers.internal;

import static dev.queuescope.customers.internal.db.Tables.ACCESS_TOKEN;
import static dev.queuescope.customers.internal.db.Tables.CUSTOMER;

import dev.queuescope.customers.Caller;
import dev.queuescope.customers.Role;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

@Repository
public class TokenRepository {

    /** Who a token belongs to, and until when it is valid. */
    public record Holder(Caller caller, Instant expiresAt) {
    }

    private final DSLContext db;

    TokenRepository(DSLContext db) {
        this.db = db;
    }

    public void insert(byte[] tokenHash, long customerId, Instant expiresAt) {
        db.insertInto(ACCESS_TOKEN)
                .set(ACCESS_TOKEN.TOKEN_HASH, tokenHash)
                .set(ACCESS_TOKEN.CUSTOMER_ID, customerId)
                .set(ACCESS_TOKEN.EXPIRES_AT, expiresAt.atOffset(ZoneOffset.UTC))
                .execute();
    }

    /** The holder of a token that is neither revoked nor expired at {@code now}. */
    public Optional<Holder> findValid(byte[] tokenHash, Instant now) {
        return db.select(CUSTOMER.ID, CUSTOMER.EMAIL, CUSTOMER.ROLE, ACCESS_TOKEN.EXPIRES_AT)
                .from(ACCESS_TOKEN)
                .join(CUSTOMER).on(CUSTOMER.ID.eq(ACCESS_TOKEN.CUSTOMER_ID))
                .where(ACCESS_TOKEN.TOKEN_HASH.eq(tokenHash))
                .and(ACCESS_TOKEN.REVOKED_AT.isNull())
                .and(ACCESS_TOKEN.EXPIRES_AT.gt(now.atOffset(ZoneOffset.UTC)))
                .fetchOptional(r -> new Holder(new Caller(r.value1(), r.value2(), Role.valueOf(r.value3())),
                        r.value4().toInstant()));
    }

    public void revoke(byte[] tokenHash, Instant now) {
        db.update(ACCESS_TOKEN)
                .set(ACCESS_TOKEN.REVOKED_AT, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .where(ACCESS_TOKEN.TOKEN_HASH.eq(tokenHash))
                .and(ACCESS_TOKEN.REVOKED_AT.isNull())
                .execute();
    }
}

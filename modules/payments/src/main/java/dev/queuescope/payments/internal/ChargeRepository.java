package dev.queuescope.payments.internal;

import static dev.queuescope.payments.internal.db.Tables.CHARGE;

import dev.queuescope.payments.Charge;
import dev.queuescope.payments.ChargeStatus;
import dev.queuescope.payments.internal.db.tables.records.ChargeRecord;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

@Repository
public class ChargeRepository {

    private final DSLContext db;

    ChargeRepository(DSLContext db) {
        this.db = db;
    }

    /** Creates the order's PENDING charge unless it exists; a redelivery finds the first one. */
    void claim(long orderId, String idempotencyKey, long amountCents) {
        db.insertInto(CHARGE)
                .set(CHARGE.ORDER_ID, orderId)
                .set(CHARGE.IDEMPOTENCY_KEY, idempotencyKey)
                .set(CHARGE.AMOUNT_CENTS, amountCents)
                .onConflict(CHARGE.ORDER_ID).doNothing()
                .execute();
    }

    public Optional<Charge> find(long orderId) {
        return db.selectFrom(CHARGE).where(CHARGE.ORDER_ID.eq(orderId)).fetchOptional(ChargeRepository::toCharge);
    }

    /** Forgets a charge that was never sent: its order was cancelled before payments got to it. */
    void deleteUnsent(long orderId) {
        db.deleteFrom(CHARGE)
                .where(CHARGE.ORDER_ID.eq(orderId).and(CHARGE.ATTEMPTS.eq(0))
                        .and(CHARGE.STATUS.eq(ChargeStatus.PENDING.name())))
                .execute();
    }

    /** Counts requests that got no answer the shop could act on; the charge stays PENDING. */
    void recordFailure(long orderId, int attempts, String error) {
        db.update(CHARGE)
                .set(CHARGE.ATTEMPTS, CHARGE.ATTEMPTS.plus(attempts))
                .set(CHARGE.LAST_ERROR, error)
                .set(CHARGE.UPDATED_AT, OffsetDateTime.now())
                .where(CHARGE.ORDER_ID.eq(orderId))
                .execute();
    }

    void recordOutcome(long orderId, ChargeStatus status, @Nullable String providerChargeId, int attempts) {
        db.update(CHARGE)
                .set(CHARGE.STATUS, status.name())
                .set(CHARGE.PROVIDER_CHARGE_ID, providerChargeId)
                .set(CHARGE.ATTEMPTS, CHARGE.ATTEMPTS.plus(attempts))
                .set(CHARGE.UPDATED_AT, OffsetDateTime.now())
                .where(CHARGE.ORDER_ID.eq(orderId))
                .execute();
    }

    private static Charge toCharge(ChargeRecord r) {
        return new Charge(r.getOrderId(), ChargeStatus.valueOf(r.getStatus()), r.getAmountCents(),
                r.getProviderChargeId(), r.getAttempts(), r.getLastError(), r.getCreatedAt(), r.getUpdatedAt());
    }
}

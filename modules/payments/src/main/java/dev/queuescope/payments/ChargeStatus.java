package dev.queuescope.payments;

/**
 * PENDING until the provider has answered; then SUCCEEDED (the order is paid) or DECLINED (the
 * order is cancelled). REFUND_DUE: the provider charged an order that had been cancelled meanwhile.
 */
public enum ChargeStatus {
    PENDING, SUCCEEDED, DECLINED, REFUND_DUE
}

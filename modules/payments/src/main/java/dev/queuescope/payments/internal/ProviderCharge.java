package dev.queuescope.payments.internal;

/** The provider's answer to a charge: its id and whether it was approved (else declined). */
record ProviderCharge(String id, boolean approved) {
}

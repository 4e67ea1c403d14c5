-- The payments module owns this schema. Order ids refer to orders by value only.
create schema if not exists payments;

-- One charge per order: the row is claimed before the provider is called and holds the outcome after.
create table payments.charge (
    order_id           bigint      primary key,
    -- Sent to the provider as Idempotency-Key: a redelivered OrderPlaced never charges twice.
    idempotency_key    text        not null,
    amount_cents       bigint      not null,
    -- PENDING until the provider answers; SUCCEEDED or DECLINED then. REFUND_DUE: the provider
    -- charged an order that had been cancelled meanwhile (refunds are not implemented yet).
    status             text        not null default 'PENDING',
    provider_charge_id text,
    -- Requests sent to the provider for this charge, over every delivery and retry.
    attempts           integer     not null default 0,
    last_error         text,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    constraint charge_idempotency_key_key unique (idempotency_key),
    constraint charge_status_check check (status in ('PENDING', 'SUCCEEDED', 'DECLINED', 'REFUND_DUE')),
    constraint charge_amount_non_negative check (amount_cents >= 0)
);

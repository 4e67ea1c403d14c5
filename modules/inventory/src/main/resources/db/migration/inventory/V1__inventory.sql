-- The inventory module owns this schema. product_id refers to catalog's products by value only:
-- no foreign key crosses a module boundary.
create schema if not exists inventory;

create table inventory.stock (
    product_id bigint      primary key,
    -- What can still be ordered; reservations are moved out of it until paid or released.
    available  integer     not null default 0,
    reserved   integer     not null default 0,
    updated_at timestamptz not null default now(),
    constraint stock_available_non_negative check (available >= 0),
    constraint stock_reserved_non_negative check (reserved >= 0)
);

-- One row per reserved line, so a release knows exactly what to give back.
create table inventory.reservation (
    reference  text        not null,
    product_id bigint      not null references inventory.stock (product_id),
    quantity   integer     not null,
    created_at timestamptz not null default now(),
    primary key (reference, product_id),
    constraint reservation_quantity_positive check (quantity > 0)
);

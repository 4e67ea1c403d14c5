-- Orders and revenue per day as a running total: one row per day, bumped by every order. Only the
-- row-lock-contention lab keeps it (docs/labs.md) — the shop itself sums purchase_order when asked,
-- because one row that every order updates serialises all orders on its lock.
create table orders.daily_sales (
    day         date   primary key,
    orders      bigint not null,
    total_cents bigint not null
);

-- Orders belong to the customer who placed them (customers' id, by value: no cross-schema key).
-- Orders placed before accounts existed have none and are visible to admins only.
alter table orders.purchase_order add column customer_id bigint;

-- An Idempotency-Key is the client's: scoped to its customer, so one customer can neither collide
-- with nor replay another's order by guessing a key.
alter table orders.purchase_order drop constraint purchase_order_idempotency_key_key;
alter table orders.purchase_order
    add constraint purchase_order_customer_key_key unique nulls not distinct (customer_id, idempotency_key);

-- A customer's orders, newest first, by keyset (GET /api/v1/orders).
create index purchase_order_customer_id_idx on orders.purchase_order (customer_id, id);

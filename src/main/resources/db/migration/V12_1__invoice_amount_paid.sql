-- Partial payments (issue 13, "Pay another amount"): what parts of an invoice have paid so far. The
-- balance due is amount_due - amount_paid; the invoice stays due until it is zero, then turns Paid.
alter table invoice add column amount_paid numeric(19, 4) not null default 0;

-- The overview's past-due count (issue 11) reads at most 100 of an account's Due invoices whose due
-- date has passed: this index holds them together, so the count stops after those 100 instead of
-- reading the account's other invoices to find them.
create index ix_invoice_account_status_due on invoice (billing_account_id, status, due_date);

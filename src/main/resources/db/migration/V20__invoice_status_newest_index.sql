-- The invoices list filtered by status (Paid, Void, Due, Past due, Partially paid, each stored as
-- one status) reads a page and a bounded count newest first. Through the newest-first index (V9)
-- it walked every other status's rows as well, each read from the table to test it: at 100,000
-- invoices the count of a Paid filter read 2,100 rows, a Past due page 2,900 (the newer invoices
-- not yet past due first), a Void count up to 50,000. Here the rows of one status lie together in
-- the list's order, so a page reads its rows and the count reads at most its bound from the index.
-- Due date and amount paid (what tells Due, Past due and Partially paid apart) are in the index,
-- so those filters are tested there without reading the table. The order is the list's own,
-- status included and every column descending: H2 uses an index for ORDER BY only when the whole
-- order matches it (see V9).
create index ix_invoice_account_status_newest
    on invoice (billing_account_id desc, status desc, invoice_date desc, id desc, due_date, amount_paid);

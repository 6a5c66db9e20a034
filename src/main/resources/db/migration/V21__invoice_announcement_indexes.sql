-- The announcement pass (every five minutes on every node) asks for the Due invoices not yet
-- announced as issued, and those past their due date not yet announced as past due. Without an
-- index on the announcement columns H2 read every invoice for each question (100,011 rows at
-- 100,000 invoices). Here the invoices still to announce lie together: the status, the column that
-- is still NULL, then (for past due) the due date, and the id the pass takes them in.
create index ix_invoice_unannounced_issue on invoice (status, issue_announced_at, id);
create index ix_invoice_unannounced_past_due on invoice (status, past_due_announced_at, due_date, id);

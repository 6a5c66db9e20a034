-- The overview's balance due and charges by month, kept with the account (issue 11): reading them
-- no longer sums every invoice of the account. invoice.InvoiceTotals keeps them in the transaction
-- that changes an invoice (an atomic "amount = amount + change" per row); writers that bypass JPA
-- (bulk loads, test fixtures) call InvoiceTotals.rebuild, which runs the two sums below for one account.
-- Written for H2 and PostgreSQL alike.

-- What the open (Due or Processing) invoices of an account still owe, per currency, and how many
-- they are: a currency is shown while it has open invoices, even when their balance is zero.
create table invoice_balance (
    billing_account_id bigint         not null references billing_account (id),
    currency           varchar(3)     not null,
    amount             numeric(19, 4) not null,
    invoices           integer        not null,
    constraint pk_invoice_balance primary key (billing_account_id, currency)
);

-- What was invoiced (Void aside) per account, currency and month of the invoice date, and by how
-- many invoices.
create table monthly_charges (
    billing_account_id bigint         not null references billing_account (id),
    currency           varchar(3)     not null,
    month_start        date           not null,
    amount             numeric(19, 4) not null,
    invoices           integer        not null,
    constraint pk_monthly_charges primary key (billing_account_id, currency, month_start)
);

insert into invoice_balance (billing_account_id, currency, amount, invoices)
select billing_account_id, currency, sum(amount_due - amount_paid), count(*)
from invoice where status in ('DUE', 'PROCESSING')
group by billing_account_id, currency;

insert into monthly_charges (billing_account_id, currency, month_start, amount, invoices)
select billing_account_id, currency, cast(date_trunc('month', cast(invoice_date as timestamp)) as date),
       sum(amount_due), count(*)
from invoice where status <> 'VOID'
group by billing_account_id, currency, cast(date_trunc('month', cast(invoice_date as timestamp)) as date);

-- The demo's API key (docs/api.md), public like the demo passwords: client "demo-erp", reaching
-- Contoso (external id "contoso") and Fabrikam ("fabrikam"), not Northwind.
-- The key is bp_demo_contoso_erp_public_demo_key_2026; only its SHA-256 is stored.
insert into api_key (name, prefix, key_hash, created_at)
values ('demo-erp', 'bp_demo_cont', '92602d3a9f1d6afa361beda8079f437a5433da0e2c99e8019174d41681922c72', current_timestamp);
insert into api_account (billing_account_id, client, external_id)
select id, 'demo-erp', 'contoso' from billing_account where name = 'Contoso Ltd';
insert into api_account (billing_account_id, client, external_id)
select id, 'demo-erp', 'fabrikam' from billing_account where name = 'Fabrikam, Inc.';

-- Card fingerprints under a secret of the deployment, scoped to the billing account.
--
-- The fingerprints written so far were made under a key that was part of the source code: anyone
-- with a copy of this table could search a card number back from its fingerprint. They are erased;
-- the portal writes new ones, with the deployment's key, for the cards typed from now on (and,
-- in the demo, for the demo data's cards when it starts).
alter table credit_card alter column fingerprint drop not null;
update credit_card set fingerprint = null;

-- Which key made the fingerprint (see CardFingerprints.keyId): a fingerprint made under another
-- key is erased when the portal starts, so that rotating the key leaves none made under the old one.
alter table credit_card add column fingerprint_key_id varchar(16);

create index ix_credit_card_fingerprint on credit_card (billing_account_id, fingerprint);

-- The demo profile's generated key, one row. Production deployments give their key in
-- billing.cards.fingerprint-key and leave this table empty: a key kept beside the fingerprints
-- would protect nothing.
create table card_fingerprint_key (
    id         integer      not null primary key,
    secret     varchar(100) not null,
    created_at timestamp with time zone not null,
    constraint ck_card_fingerprint_key_one_row check (id = 1)
);

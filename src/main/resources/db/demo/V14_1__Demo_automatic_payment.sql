-- Demo data (issue 13, automatic payment): Contoso Billing has automatic payment with the default
-- card on, Contoso Research has it off. Existing invoices are not charged: the job charges invoices
-- issued from now on.
update billing_profile set autopay = true where name = 'Contoso Billing';
update billing_profile set autopay = false where name = 'Contoso Research';

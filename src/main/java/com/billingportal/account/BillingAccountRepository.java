package com.billingportal.account;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface BillingAccountRepository extends JpaRepository<BillingAccount, Long> {

	@Query("""
			select new com.billingportal.account.AccountAccess(a.id, a.name, a.agreementType, r.role,
			       case when a.adminUserId = :userId then true else false end)
			from BillingAccount a join RoleAssignment r on r.billingAccountId = a.id
			where r.userId = :userId
			order by a.name, a.id""")
	List<AccountAccess> findAccessOf(@Param("userId") long userId);

}

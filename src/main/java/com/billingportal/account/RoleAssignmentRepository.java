package com.billingportal.account;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface RoleAssignmentRepository extends JpaRepository<RoleAssignment, Long> {

	List<RoleAssignment> findByBillingAccountIdOrderByIdAsc(long billingAccountId);

	Optional<RoleAssignment> findByIdAndBillingAccountId(long id, long billingAccountId);

	Optional<RoleAssignment> findByBillingAccountIdAndUserId(long billingAccountId, long userId);

	long countByBillingAccountIdAndRole(long billingAccountId, Role role);

	@Query("select a.adminUserId from BillingAccount a where a.id = :accountId")
	long adminOf(@Param("accountId") long accountId);

}

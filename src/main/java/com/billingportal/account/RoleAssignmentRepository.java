package com.billingportal.account;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface RoleAssignmentRepository extends JpaRepository<RoleAssignment, Long> {

	List<RoleAssignment> findByBillingAccountIdOrderByIdAsc(long billingAccountId);

}

package com.billingportal.audit;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface AuditEventRepository extends JpaRepository<AuditEvent, Long> {

	List<AuditEvent> findByObjectTypeAndObjectIdOrderByIdAsc(String objectType, String objectId);

	List<AuditEvent> findByObjectTypeAndObjectIdInOrderByIdAsc(String objectType, Collection<String> objectIds);

}

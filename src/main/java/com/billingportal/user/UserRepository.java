package com.billingportal.user;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface UserRepository extends JpaRepository<User, Long> {

	Optional<User> findByEmail(String email);

	/** The user's row, locked: concurrent sign-in attempts are admitted and counted one after the other. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select u from User u where u.email = :email")
	Optional<User> lockByEmail(@Param("email") String email);

	/** The same row lock, by id: a success resets the count one after the other too. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select u from User u where u.id = :id")
	Optional<User> lockById(@Param("id") long id);

	List<User> findByIdIn(Collection<Long> ids);

	List<User> findByEmailIn(Collection<String> emails);

}

package com.billingportal.card;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CreditCardRepository extends JpaRepository<CreditCard, Long> {

	List<CreditCard> findByBillingAccountIdAndStatusOrderByIdAsc(long billingAccountId, CardStatus status);

	Optional<CreditCard> findByIdAndBillingAccountIdAndStatus(long id, long billingAccountId, CardStatus status);

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select c from CreditCard c where c.id = :id and c.billingAccountId = :accountId and c.status = :status")
	Optional<CreditCard> lockByIdAndAccount(@Param("id") long id, @Param("accountId") long accountId,
			@Param("status") CardStatus status);

	/**
	 * The card under a shared lock (PostgreSQL {@code FOR SHARE}): payments with one card take it at
	 * once, its deletion ({@link #lockByIdAndAccount}) waits for them and they for it. H2 has no
	 * shared row lock and takes an exclusive one.
	 */
	@Lock(LockModeType.PESSIMISTIC_READ)
	@Query("select c from CreditCard c where c.id = :id and c.billingAccountId = :accountId and c.status = :status")
	Optional<CreditCard> shareByIdAndAccount(@Param("id") long id, @Param("accountId") long accountId,
			@Param("status") CardStatus status);

	Optional<CreditCard> findFirstByBillingAccountIdAndFingerprintAndStatus(long billingAccountId,
			String fingerprint, CardStatus status);

	/** Every card the account has had, removed ones included. */
	@Query("select c from CreditCard c where c.billingAccountId = :accountId")
	List<CreditCard> findEveryCardOf(@Param("accountId") long accountId);

	List<CreditCard> findByFingerprintIsNullAndStatus(CardStatus status);

	/**
	 * Active cards that are some billing profile's default, expire in one of the given months (as
	 * year * 12 + month) and whose expiry has not been announced.
	 */
	@Query("""
			select c from CreditCard c where c.status = com.billingportal.card.CardStatus.ACTIVE
			  and c.expiryAnnouncedAt is null and (c.expiryYear * 12 + c.expiryMonth) between :fromMonth and :toMonth
			  and exists (select p.id from com.billingportal.profile.BillingProfile p where p.defaultCardId = c.id)
			order by c.id""")
	List<CreditCard> findDefaultCardsExpiringBetween(@Param("fromMonth") int fromMonth, @Param("toMonth") int toMonth);

	/** Claims the announcement of the card's coming expiry: 1 for the one node that sets it. */
	@Modifying
	@Query("update CreditCard c set c.expiryAnnouncedAt = :now where c.id = :id and c.expiryAnnouncedAt is null")
	int claimExpiryAnnouncement(@Param("id") long id, @Param("now") java.time.Instant now);

	/** Erases the fingerprints made under any key but this one (or under no recorded key). */
	@Modifying
	@Query("update CreditCard c set c.fingerprint = null, c.fingerprintKeyId = null, c.version = c.version + 1"
			+ " where c.fingerprint is not null and (c.fingerprintKeyId is null or c.fingerprintKeyId <> :keyId)")
	int eraseFingerprintsNotMadeUnder(@Param("keyId") String keyId);

	/** Sets a card's fingerprint unless it has one: nodes starting at once all set the same one. */
	@Modifying
	@Query("update CreditCard c set c.fingerprint = :fingerprint, c.fingerprintKeyId = :keyId,"
			+ " c.version = c.version + 1 where c.id = :id and c.fingerprint is null")
	int fingerprintIfMissing(@Param("id") long id, @Param("fingerprint") String fingerprint,
			@Param("keyId") String keyId);

}

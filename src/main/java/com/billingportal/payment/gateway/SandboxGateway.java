package com.billingportal.payment.gateway;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import com.billingportal.card.CardTokenizer;
import com.billingportal.card.TokenizedCard;
import com.billingportal.payment.FailureReason;
import com.billingportal.payment.GatewayProperties;
import com.billingportal.payment.PaymentGateway;
import com.billingportal.payment.SandboxCards;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A payment processor's test mode, deterministic by card number (see docs/test-cards.md). The
 * number decides a behaviour, which travels inside the token; the number itself is forgotten as
 * soon as the token is made. Charges are kept in the processor's own ledger (sandbox_charge), in
 * transactions of their own, as a real processor keeps them whatever happens to the portal: a charge
 * made just before the portal stopped is found after a restart. {@code billing.gateway.sandbox.latency}
 * slows every answer down (the charge is recorded first), to exercise the gateway timeout.
 */
@Component
@ConditionalOnProperty(name = "billing.gateway.kind", havingValue = "sandbox", matchIfMissing = true)
public class SandboxGateway implements PaymentGateway, CardTokenizer {

	private static final Logger log = LoggerFactory.getLogger(SandboxGateway.class);

	enum Behaviour {

		SUCCEED(null, null), DECLINE(FailureReason.BANK_DECLINED, "card_declined"),
		INSUFFICIENT_FUNDS(FailureReason.BANK_DECLINED, "insufficient_funds"),
		EXPIRED(FailureReason.CARD_EXPIRED, "expired_card"),
		INCORRECT_CVC(FailureReason.INCORRECT_CARD_DETAILS, "incorrect_cvc"),
		PROCESSING_ERROR(FailureReason.OTHER, "processing_error"), VERIFY(null, null), LOST_ANSWER(null, null);

		final FailureReason reason;

		final String declineCode;

		Behaviour(FailureReason reason, String declineCode) {
			this.reason = reason;
			this.declineCode = declineCode;
		}

	}

	/**
	 * The documented test cards (docs/test-cards.md), the only numbers the sandbox takes: a real
	 * card typed into a demo install is refused before it is tokenised.
	 */
	static final Map<String, Behaviour> TEST_CARDS = Map.ofEntries(Map.entry("4242424242424242", Behaviour.SUCCEED),
			Map.entry("4000000000000002", Behaviour.DECLINE), Map.entry("4000000000009995", Behaviour.INSUFFICIENT_FUNDS),
			Map.entry("4000000000000069", Behaviour.EXPIRED), Map.entry("4000000000000127", Behaviour.INCORRECT_CVC),
			Map.entry("4000000000000119", Behaviour.PROCESSING_ERROR), Map.entry("4000002760003184", Behaviour.VERIFY),
			Map.entry("4000000000007775", Behaviour.LOST_ANSWER), Map.entry("5555555555554444", Behaviour.SUCCEED),
			Map.entry("5105105105105100", Behaviour.SUCCEED), Map.entry("2221000000000009", Behaviour.SUCCEED),
			Map.entry("378282246310005", Behaviour.SUCCEED), Map.entry("371449635398431", Behaviour.SUCCEED),
			Map.entry("6011111111111117", Behaviour.SUCCEED));

	private final SandboxChargeRepository charges;

	private final Clock clock;

	private final GatewayProperties properties;

	private final TransactionTemplate tx;

	private final org.springframework.jdbc.core.JdbcTemplate jdbc;

	SandboxGateway(SandboxChargeRepository charges, Clock clock, GatewayProperties properties,
			PlatformTransactionManager transactionManager, org.springframework.jdbc.core.JdbcTemplate jdbc) {
		this.charges = charges;
		this.jdbc = jdbc;
		this.clock = clock;
		this.properties = properties;
		// The processor's ledger lives apart from the portal's transactions, as a real one would.
		this.tx = new TransactionTemplate(transactionManager);
		this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@Override
	public boolean accepts(String number) {
		return TEST_CARDS.containsKey(number);
	}

	@Override
	public TokenizedCard tokenize(CardDetails card) {
		Behaviour behaviour = TEST_CARDS.get(card.number());
		if (behaviour == null) {
			// The portal asks accepts() first; this is the vault's own refusal, and names no digit.
			throw new IllegalArgumentException("The sandbox takes only its test cards");
		}
		return new TokenizedCard(tokenFor(behaviour, UUID.randomUUID().toString().replace("-", "").substring(0, 16)));
	}

	private static String tokenFor(Behaviour behaviour, String randomPart) {
		return SandboxCards.tokenFor(behaviour.name(), randomPart);
	}

	@Override
	public ChargeResult charge(ChargeRequest request) {
		Behaviour behaviour = behaviourOf(request.token());
		SandboxCharge.Status status = switch (behaviour) {
			case SUCCEED, LOST_ANSWER -> SandboxCharge.Status.SUCCEEDED;
			case VERIFY -> SandboxCharge.Status.NEEDS_VERIFICATION;
			default -> SandboxCharge.Status.DECLINED;
		};
		Recorded recorded = recordOnce(request.idempotencyKey(),
				() -> new SandboxCharge(request.idempotencyKey(), newChargeRef(), request.token(),
						request.amount().amount(), request.amount().currencyCode(), status, behaviour.declineCode,
						this.clock.instant()));
		if (recorded.created()) {
			log.info("Sandbox charge {} for payment {}: {} {}", recorded.charge().chargeRef(),
					request.idempotencyKey(), request.amount(), recorded.charge().status());
		}
		answerSlowly(request.idempotencyKey());
		if (recorded.created() && behaviour == Behaviour.LOST_ANSWER) {
			// The charge is made, but its answer never reaches the portal.
			throw new GatewayTimeoutException("Sandbox: the answer for " + request.idempotencyKey() + " was lost");
		}
		return resultOf(recorded.charge());
	}

	/**
	 * Records a cancellation under the key unless a charge was received first: a charge that
	 * arrives later finds the key taken and moves no money.
	 */
	@Override
	public ChargeResult cancel(String idempotencyKey) {
		Recorded recorded = recordOnce(idempotencyKey, () -> new SandboxCharge(idempotencyKey, newChargeRef(),
				"none", BigDecimal.ZERO, "XXX", SandboxCharge.Status.CANCELED, "canceled", this.clock.instant()));
		if (recorded.created()) {
			log.info("Sandbox: payment {} cancelled before any charge was received", idempotencyKey);
		}
		return resultOf(recorded.charge());
	}

	@Override
	public ChargeResult completeVerification(String idempotencyKey, boolean verified) {
		return this.tx.execute((status) -> {
			// Locked: the payer and the reconciler may answer at once, and the first answer stands.
			SandboxCharge charge = this.charges.lockByIdempotencyKey(idempotencyKey)
				.orElseThrow(() -> new IllegalStateException("No sandbox charge " + idempotencyKey));
			if (charge.status() == SandboxCharge.Status.NEEDS_VERIFICATION) {
				charge.verified(verified);
			}
			return resultOf(charge);
		});
	}

	@Override
	public Optional<ChargeResult> find(String idempotencyKey) {
		return this.tx.execute((status) -> this.charges.findByIdempotencyKey(idempotencyKey)
			.map(SandboxGateway::resultOf));
	}

	/**
	 * Refunds from the sandbox ledger: with the charge's row locked, refused beyond what is left of
	 * a succeeded charge; the same key again answers the refund it made. A refund of a charge made
	 * with the lost-answer card (4000000000007775) is made, but its answer never reaches the portal,
	 * as that card's charges' answers do not: the reconciler has to ask with {@link #findRefund}.
	 */
	@Override
	public RefundResult refund(RefundRequest request) {
		RecordedRefund recorded = recordRefundOnce(request.idempotencyKey(), () -> newRefund(request));
		answerSlowly(request.idempotencyKey());
		if (recorded.created() && recorded.answerLost()) {
			throw new GatewayTimeoutException("Sandbox: the answer for refund " + request.idempotencyKey() + " was lost");
		}
		return recorded.result();
	}

	@Override
	public Optional<RefundResult> findRefund(String idempotencyKey) {
		return this.tx.execute((status) -> refundByKey(idempotencyKey));
	}

	/**
	 * Records a cancellation under the key unless a refund was received first: a refund that arrives
	 * later finds the key taken and gives nothing back.
	 */
	@Override
	public RefundResult cancelRefund(String idempotencyKey) {
		RecordedRefund recorded = recordRefundOnce(idempotencyKey, () -> {
			insertRefund(idempotencyKey, "none", newRefundRef(), BigDecimal.ZERO, "CANCELED");
			return new RecordedRefund(new RefundResult(false, null, "canceled"), true, false);
		});
		if (recorded.created()) {
			log.info("Sandbox: refund {} cancelled before it was received", idempotencyKey);
		}
		return recorded.result();
	}

	/** Inside the ledger's transaction: a new refund of the charge, refused beyond what is left of it. */
	private RecordedRefund newRefund(RefundRequest request) {
		SandboxCharge charge = this.charges.lockByIdempotencyKey(request.chargeKey()).orElse(null);
		BigDecimal refunded = this.jdbc.queryForObject("select coalesce(sum(amount), 0) from sandbox_refund "
				+ "where charge_key = ? and status = 'SUCCEEDED'", BigDecimal.class, request.chargeKey());
		boolean allowed = charge != null && charge.status() == SandboxCharge.Status.SUCCEEDED
				&& refunded.add(request.amount().amount()).compareTo(charge.amount()) <= 0;
		String ref = newRefundRef();
		insertRefund(request.idempotencyKey(), request.chargeKey(), ref, request.amount().amount(),
				allowed ? "SUCCEEDED" : "DECLINED");
		boolean answerLost = charge != null && behaviourOf(charge.token()) == Behaviour.LOST_ANSWER;
		return new RecordedRefund(new RefundResult(allowed, ref, allowed ? null : "amount_too_large"), true, answerLost);
	}

	private void insertRefund(String key, String chargeKey, String ref, BigDecimal amount, String status) {
		this.jdbc.update("insert into sandbox_refund (idempotency_key, charge_key, refund_ref, amount, status, "
				+ "created_at) values (?, ?, ?, ?, ?, ?)", key, chargeKey, ref, amount, status,
				java.sql.Timestamp.from(this.clock.instant()));
	}

	/** The refund under this key: the one recorded earlier, or a new one; the key is unique. */
	private RecordedRefund recordRefundOnce(String key, Supplier<RecordedRefund> newRefund) {
		try {
			return this.tx.execute((status) -> refundByKey(key).map((earlier) -> new RecordedRefund(earlier, false, false))
				.orElseGet(newRefund));
		}
		catch (DataIntegrityViolationException ex) {
			// Another call with the same key (the refund, or its cancellation) was recorded first.
			return this.tx.execute((status) -> new RecordedRefund(refundByKey(key).orElseThrow(() -> ex), false, false));
		}
	}

	private Optional<RefundResult> refundByKey(String key) {
		return this.jdbc.query("select refund_ref, status from sandbox_refund where idempotency_key = ?", (rs, n) -> {
			String status = rs.getString(2);
			return switch (status) {
				case "SUCCEEDED" -> new RefundResult(true, rs.getString(1), null);
				case "CANCELED" -> new RefundResult(false, null, "canceled");
				default -> new RefundResult(false, rs.getString(1), "amount_too_large");
			};
		}, key).stream().findFirst();
	}

	private static String newRefundRef() {
		return "re_sbx_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
	}

	private record RecordedRefund(RefundResult result, boolean created, boolean answerLost) {
	}

	/** The charge under this key: the one recorded earlier, or a new one; the key is unique. */
	private Recorded recordOnce(String idempotencyKey, Supplier<SandboxCharge> newCharge) {
		try {
			return this.tx.execute((status) -> this.charges.findByIdempotencyKey(idempotencyKey)
				.map((earlier) -> new Recorded(earlier, false))
				.orElseGet(() -> new Recorded(this.charges.saveAndFlush(newCharge.get()), true)));
		}
		catch (DataIntegrityViolationException ex) {
			// Another call with the same key was recorded first: its result stands.
			return this.tx.execute((status) -> new Recorded(
					this.charges.findByIdempotencyKey(idempotencyKey).orElseThrow(() -> ex), false));
		}
	}

	private void answerSlowly(String idempotencyKey) {
		Duration latency = this.properties.sandbox().latency();
		if (latency.isZero() || latency.isNegative()) {
			return;
		}
		try {
			Thread.sleep(latency.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new GatewayTimeoutException("Sandbox: the caller stopped waiting for " + idempotencyKey);
		}
	}

	private static String newChargeRef() {
		return "ch_sbx_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
	}

	private record Recorded(SandboxCharge charge, boolean created) {
	}

	private static ChargeResult resultOf(SandboxCharge charge) {
		return switch (charge.status()) {
			case SUCCEEDED -> ChargeResult.succeeded(charge.chargeRef());
			case NEEDS_VERIFICATION -> ChargeResult.requiresVerification(charge.chargeRef());
			case DECLINED -> ChargeResult.declined(charge.chargeRef(), reasonOf(charge.declineCode()),
					charge.declineCode());
			case CANCELED -> ChargeResult.declined(null, FailureReason.OTHER, charge.declineCode());
		};
	}

	private static FailureReason reasonOf(String declineCode) {
		for (Behaviour behaviour : Behaviour.values()) {
			if (declineCode != null && declineCode.equals(behaviour.declineCode)) {
				return behaviour.reason;
			}
		}
		return FailureReason.OTHER;
	}

	private static Behaviour behaviourOf(String token) {
		if (token == null || !token.startsWith("sbx_")) {
			return Behaviour.DECLINE;
		}
		String name = token.substring(4, token.lastIndexOf('_')).toUpperCase(java.util.Locale.ROOT);
		try {
			return Behaviour.valueOf(name);
		}
		catch (IllegalArgumentException ex) {
			return Behaviour.DECLINE;
		}
	}

}

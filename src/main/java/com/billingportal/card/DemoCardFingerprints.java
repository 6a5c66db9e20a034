package com.billingportal.card;

import java.util.Map;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fingerprints the demo data's cards when the demo starts: the demo data is a migration, which
 * runs before the deployment's key is known, so it saves its cards without one.
 */
@Component
@Profile("demo")
@Order(2)
class DemoCardFingerprints implements ApplicationRunner {

	/** The demo data's cards (db/demo), by brand and last four: sandbox test cards, public numbers. */
	static final Map<String, String> DEMO_CARDS = Map.of("VISA 4242", "4242424242424242", "MASTERCARD 4444",
			"5555555555554444");

	private final CreditCardRepository cards;

	private final CardFingerprints fingerprints;

	DemoCardFingerprints(CreditCardRepository cards, CardFingerprints fingerprints) {
		this.cards = cards;
		this.fingerprints = fingerprints;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		for (CreditCard card : this.cards.findByFingerprintIsNullAndStatus(CardStatus.ACTIVE)) {
			String number = DEMO_CARDS.get(card.brand().name() + " " + card.lastFour());
			if (number != null) {
				CardFingerprint fingerprint = this.fingerprints.of(card.billingAccountId(), number);
				this.cards.fingerprintIfMissing(card.id(), fingerprint.value(), fingerprint.keyId());
			}
		}
	}

}

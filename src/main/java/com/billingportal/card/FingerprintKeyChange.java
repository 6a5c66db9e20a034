package com.billingportal.card;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * When the portal starts, erases the card fingerprints made under another key than this
 * deployment's: after the key is rotated none made under the old one is left to be searched back to
 * a number. Those cards stay usable; only the check for the same card added twice misses them.
 */
@Component
@Order(1)
class FingerprintKeyChange implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FingerprintKeyChange.class);

	private final CreditCardRepository cards;

	private final CardFingerprints fingerprints;

	FingerprintKeyChange(CreditCardRepository cards, CardFingerprints fingerprints) {
		this.cards = cards;
		this.fingerprints = fingerprints;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		int erased = this.cards.eraseFingerprintsNotMadeUnder(this.fingerprints.keyId());
		if (erased > 0) {
			log.warn("Erased {} card fingerprint(s) made under another key than billing.cards.fingerprint-key ({})",
					erased, this.fingerprints.keyId());
		}
	}

}

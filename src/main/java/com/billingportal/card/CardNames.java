package com.billingportal.card;

import java.util.Map;
import java.util.stream.Collectors;

import com.billingportal.profile.PaymentMethodNames;

import org.springframework.stereotype.Component;

/** The account's active cards by id, named by brand and last four digits. */
@Component
class CardNames implements PaymentMethodNames {

	private final CardService cards;

	CardNames(CardService cards) {
		this.cards = cards;
	}

	@Override
	public Map<Long, String> namesOf(long accountId) {
		return this.cards.cardsOf(accountId)
			.stream()
			.collect(Collectors.toMap(CreditCard::id, (card) -> card.brand().displayName() + " •••• " + card.lastFour()));
	}

}

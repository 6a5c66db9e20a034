package com.billingportal.notification;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.billingportal.card.CardExpiring;
import com.billingportal.card.CardService;
import com.billingportal.card.CreditCard;
import com.billingportal.portal.DateFormat;

import org.springframework.stereotype.Component;

/** Card expiring: to the billing account admin, 30 days before a default card's last day. */
@Component
class CardLetters {

	private final CardService cards;

	private final Recipients recipients;

	private final Texts texts;

	private final DateFormat dates;

	private final NotificationProperties properties;

	CardLetters(CardService cards, Recipients recipients, Texts texts, DateFormat dates,
			NotificationProperties properties) {
		this.cards = cards;
		this.recipients = recipients;
		this.texts = texts;
		this.dates = dates;
		this.properties = properties;
	}

	Emails expiring(CardExpiring event) {
		CreditCard card = this.cards.card(event.accountId(), event.cardId());
		String about = card.brand().displayName() + " •••• " + card.lastFour();
		String link = this.properties.link("/billing/accounts/" + event.accountId() + "/payment-methods");
		List<Letter> letters = this.recipients.of(List.of(this.recipients.adminAddress(event.accountId())))
			.stream()
			.map((r) -> {
				Locale l = r.locale();
				String name = this.texts.get(l, "receipt.cardEnding", card.brand().displayName(), card.lastFour());
				Map<String, String> facts = new LinkedHashMap<>();
				facts.put(this.texts.get(l, "receipt.card"), name);
				facts.put(this.texts.get(l, "email.expiring.expires"), this.dates.expiry(event.expiry()));
				return new Letter(r.address(), l, this.texts.get(l, "email.expiring.subject", name),
						this.texts.get(l, "email.expiring.heading"),
						List.of(this.texts.get(l, "email.expiring.body", name, this.dates.date(card.lastDay(), l))),
						facts, this.texts.get(l, "email.expiring.action"), link, List.of(), List.of());
			})
			.toList();
		return new Emails(event.accountId(), EmailKind.CARD_EXPIRING, about, letters);
	}

}

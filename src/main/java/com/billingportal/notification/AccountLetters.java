package com.billingportal.notification;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.billingportal.account.AdminInvited;
import com.billingportal.portal.DateFormat;

import org.springframework.stereotype.Component;

/**
 * The invitation of a billing account's admin who has no sign-in yet: to that address, the link
 * that sets their password (an account opened through the API). The link's secret is in this email
 * only; it works once, until it expires.
 */
@Component
class AccountLetters {

	private final Recipients recipients;

	private final Texts texts;

	private final DateFormat dates;

	private final NotificationProperties properties;

	AccountLetters(Recipients recipients, Texts texts, DateFormat dates, NotificationProperties properties) {
		this.recipients = recipients;
		this.texts = texts;
		this.dates = dates;
		this.properties = properties;
	}

	Emails adminInvited(AdminInvited event) {
		String link = this.properties.link("/welcome?token=" + event.token());
		List<Letter> letters = this.recipients.of(List.of(event.email())).stream().map((r) -> {
			Locale l = r.locale();
			Map<String, String> facts = new LinkedHashMap<>();
			facts.put(this.texts.get(l, "email.adminInvited.account"), event.accountName());
			facts.put(this.texts.get(l, "email.adminInvited.signIn"), event.email());
			facts.put(this.texts.get(l, "email.adminInvited.expires"), this.dates.dateTime(event.expiresAt(), l));
			return new Letter(r.address(), l, this.texts.get(l, "email.adminInvited.subject", event.accountName()),
					this.texts.get(l, "email.adminInvited.heading"),
					List.of(this.texts.get(l, "email.adminInvited.body", event.accountName()),
							this.texts.get(l, "email.adminInvited.once")),
					facts, this.texts.get(l, "email.adminInvited.action"), link, List.of(), List.of());
		}).toList();
		return new Emails(event.accountId(), EmailKind.ADMIN_INVITED, event.email(), letters);
	}

}

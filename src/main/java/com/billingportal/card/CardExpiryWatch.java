package com.billingportal.card;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes {@link CardExpiring} once for each default card from 30 days before its last day.
 * Claimed by a conditional update in the transaction that publishes the event, so on several nodes
 * exactly one announces each card; a new expiry date (an edit, a renewed card) is announced anew.
 */
@Component
public class CardExpiryWatch {

	/** How long before a card's last day its admin is told. */
	public static final int DAYS_BEFORE = 30;

	private static final Logger log = LoggerFactory.getLogger(CardExpiryWatch.class);

	private final CreditCardRepository cards;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate tx;

	private final Clock clock;

	CardExpiryWatch(CreditCardRepository cards, ApplicationEventPublisher events,
			PlatformTransactionManager transactionManager, Clock clock) {
		this.cards = cards;
		this.events = events;
		this.tx = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${billing.notifications.announce-interval:5m}",
			initialDelayString = "${billing.notifications.announce-initial-delay:30s}")
	public void watchScheduled() {
		announce();
	}

	/** One pass: returns how many cards this node announced. */
	public int announce() {
		LocalDate today = LocalDate.now(this.clock);
		int announced = 0;
		for (CreditCard card : this.cards.findDefaultCardsExpiringBetween(monthIndex(YearMonth.from(today)),
				monthIndex(YearMonth.from(today.plusDays(DAYS_BEFORE))))) {
			if (today.isBefore(card.lastDay().minusDays(DAYS_BEFORE)) || today.isAfter(card.lastDay())) {
				continue;
			}
			try {
				Boolean won = this.tx.execute((status) -> {
					if (this.cards.claimExpiryAnnouncement(card.id(), this.clock.instant()) != 1) {
						return false;
					}
					this.events.publishEvent(
							new CardExpiring(UUID.randomUUID(), card.id(), card.billingAccountId(), card.expiry()));
					return true;
				});
				announced += Boolean.TRUE.equals(won) ? 1 : 0;
			}
			catch (RuntimeException ex) {
				log.warn("Could not announce the expiry of card {}: {}", card.id(), ex.toString());
			}
		}
		return announced;
	}

	private static int monthIndex(YearMonth month) {
		return month.getYear() * 12 + month.getMonthValue();
	}

}

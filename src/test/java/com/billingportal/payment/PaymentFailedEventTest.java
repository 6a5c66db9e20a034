package com.billingportal.payment;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PaymentFailed as the event publication registry keeps it (JSON): the automatic flag survives a
 * resubmission, and an event kept from before the flag existed is still read (as a person's).
 */
class PaymentFailedEventTest {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void theAutomaticFlagSurvivesTheRegistry() {
		PaymentFailed event = new PaymentFailed(UUID.randomUUID(), 1L, 2L, "ref", FailureReason.BANK_DECLINED,
				"card_declined", true);
		assertThat(this.json.readValue(this.json.writeValueAsString(event), PaymentFailed.class)).isEqualTo(event);
	}

	@Test
	void anEventKeptFromBeforeTheFlagIsReadAsAPersonsPayment() {
		PaymentFailed kept = this.json.readValue("""
				{"eventId":"7b7d6a7a-2e07-4d9b-9727-726221479855","paymentId":1,"accountId":2,"reference":"ref",
				 "reason":"BANK_DECLINED","declineCode":"card_declined"}""", PaymentFailed.class);
		assertThat(kept.automatic()).isFalse();
	}

}

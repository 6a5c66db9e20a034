package com.billingportal.notification;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.billingportal.account.AdminInvited;
import com.billingportal.support.DemoData;
import com.billingportal.support.PortalTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The admin invitation's event carries the link's secret: once its email is written, the event's
 * completed publication is deleted at the next pass of the outbox's housekeeping, not kept for the
 * days other completed publications are kept. Before, it stayed there for seven days, as long as
 * the link works.
 */
@PortalTest
class AdminInvitationPublicationTest {

	private static final Pattern TOKEN = Pattern.compile("\"token\":\"([A-Za-z0-9_-]{43})\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoData demo;

	@Autowired
	PublicationResubmission housekeeping;

	@Test
	void theLinksSecretLeavesTheEventPublicationRegistryOnceTheEmailIsWritten() throws Exception {
		this.mvc.perform(put("/api/v1/accounts/tailspin").header("Authorization", "Bearer bp_demo_contoso_erp_public_demo_key_2026")
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"name":"Tailspin Toys","agreementType":"MICROSOFT_CUSTOMER_AGREEMENT","currency":"USD",
					 "adminEmail":"kim.admin@tailspin.example","soldTo":{"company":"Tailspin Toys","country":"US"}}"""))
			.andExpect(status().isCreated());
		String ofInvitations = " from event_publication where event_type = '" + AdminInvited.class.getName() + "'";
		await(() -> count("select count(*)" + ofInvitations + " and completion_date is not null") == 1);
		Matcher token = TOKEN.matcher(this.demo.jdbc().queryForObject("select serialized_event" + ofInvitations, String.class));
		assertThat(token.find()).isTrue();
		assertThat(count("select count(*) from email_message where kind = 'ADMIN_INVITED'")).isEqualTo(1);

		this.housekeeping.resubmit();

		List<String> kept = this.demo.jdbc().queryForList("select serialized_event from event_publication", String.class);
		assertThat(kept).noneMatch((event) -> event.contains(token.group(1)));
	}

	private int count(String sql) {
		return this.demo.jdbc().queryForObject(sql, Integer.class);
	}

	private static void await(BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("waited 20 s").isLessThan(deadline);
			Thread.sleep(50);
		}
	}

}

package com.billingportal.card;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.billingportal.support.DemoData;
import com.billingportal.support.PortalTest;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Card fingerprints are made under this deployment's key and scoped to the billing account: the
 * same card on two accounts cannot be linked, the same card twice on one account is still found,
 * and nothing in the source code turns a fingerprint back into a number.
 */
@PortalTest
class CardFingerprintsTest {

	/** The fingerprint key the source code held until fingerprints became the deployment's secret. */
	private static final String FORMER_KEY_IN_THE_SOURCE = "billing-portal-sandbox-fingerprint";

	private static final String MASTERCARD = "5105105105105100";

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoData demo;

	@Autowired
	CardFingerprints fingerprints;

	@Autowired
	FingerprintKeyChange keyChange;

	@Test
	void theSameCardOnTwoAccountsHasTwoUnrelatedFingerprints() throws Exception {
		assertThat(add(DemoData.CONTOSO_ADMIN, this.demo.contoso(), MASTERCARD).getResponse().getRedirectedUrl())
			.isNotNull();
		assertThat(add(DemoData.FABRIKAM_ADMIN, this.demo.fabrikam(), MASTERCARD).getResponse().getRedirectedUrl())
			.isNotNull();

		String contosos = fingerprintOf(this.demo.contoso(), "5100");
		String fabrikams = fingerprintOf(this.demo.fabrikam(), "5100");
		assertThat(contosos).isNotNull().matches("[0-9a-f]{64}");
		assertThat(fabrikams).isNotNull().isNotEqualTo(contosos);
		// The demo data's Visa 4242 is on both accounts too.
		assertThat(fingerprintOf(this.demo.contoso(), "4242")).isNotNull()
			.isNotEqualTo(fingerprintOf(this.demo.fabrikam(), "4242"));
	}

	@Test
	void theSameCardTwiceOnOneAccountIsStillFound() throws Exception {
		long fabrikam = this.demo.fabrikam();
		add(DemoData.FABRIKAM_ADMIN, fabrikam, "378282246310005");
		String before = this.demo.checksum();

		MvcResult again = add(DemoData.FABRIKAM_ADMIN, fabrikam, "3782 822463 10005");
		MvcResult demoCard = add(DemoData.FABRIKAM_ADMIN, fabrikam, "4242 4242 4242 4242");

		assertThat(again.getResponse().getContentAsString()).contains("This card is already one of your payment methods.");
		assertThat(demoCard.getResponse().getContentAsString())
			.as("the demo data's card, fingerprinted when the demo started")
			.contains("This card is already one of your payment methods.");
		assertThat(this.demo.checksum()).isEqualTo(before);
	}

	@Test
	void aFingerprintIsNotTheSourceCodesHmacOfTheNumber() throws Exception {
		long contoso = this.demo.contoso();
		add(DemoData.CONTOSO_ADMIN, contoso, "6011 1111 1111 1117");
		String stored = fingerprintOf(contoso, "1117");

		assertThat(stored).isNotEqualTo(hmac(FORMER_KEY_IN_THE_SOURCE, "6011111111111117"))
			.isNotEqualTo(hmac(FORMER_KEY_IN_THE_SOURCE, contoso + ":6011111111111117"))
			.isEqualTo(this.fingerprints.of(contoso, "6011111111111117").value());
		String key = this.demo.jdbc().queryForObject("select secret from card_fingerprint_key", String.class);
		assertThat(stored).as("the demo's key, generated for this database")
			.isEqualTo(hmac(key, contoso + ":6011111111111117"));
		assertThat(this.demo.jdbc()
			.queryForObject("select fingerprint_key_id from credit_card where billing_account_id = ? and last_four = '1117'",
					String.class, contoso))
			.isEqualTo(this.fingerprints.keyId());
	}

	@Test
	void fingerprintsMadeUnderAnotherKeyAreErasedAtStartUp() throws Exception {
		long contoso = this.demo.contoso();
		long visa = this.demo.cardId(contoso, "4242");
		long mastercard = this.demo.cardId(contoso, "4444");
		this.demo.jdbc()
			.update("update credit_card set fingerprint = ?, fingerprint_key_id = 'a1b2c3d4e5f60718' where id = ?",
					hmac(FORMER_KEY_IN_THE_SOURCE, "5555555555554444"), mastercard);
		String visas = fingerprintOf(contoso, "4242");

		this.keyChange.run(null);

		assertThat(this.demo.jdbc().queryForObject("select fingerprint from credit_card where id = ?", String.class,
				mastercard)).isNull();
		assertThat(this.demo.jdbc().queryForObject("select fingerprint from credit_card where id = ?", String.class,
				visa)).as("made under the current key: kept").isEqualTo(visas);
	}

	private MvcResult add(String admin, long accountId, String number) throws Exception {
		return this.mvc
			.perform(post("/billing/accounts/{id}/payment-methods", accountId).with(user(this.demo.user(admin)))
				.with(csrf())
				.param("holderName", "Card Holder")
				.param("number", number)
				.param("expiryMonth", "7")
				.param("expiryYear", String.valueOf(YearMonth.now().getYear() + 2))
				.param("cvc", number.startsWith("37") ? "1234" : "123")
				.param("country", "US")
				.param("postalCode", "98052"))
			.andReturn();
	}

	private String fingerprintOf(long accountId, String lastFour) {
		return this.demo.jdbc()
			.queryForObject("select fingerprint from credit_card where billing_account_id = ? and last_four = ?"
					+ " and status = 'ACTIVE'", String.class, accountId, lastFour);
	}

	private static String hmac(String key, String text) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.US_ASCII)));
	}

}

package com.billingportal.notification;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.ConfigurableMimeFileTypeMap;
import org.springframework.mail.javamail.MimeMessageHelper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link EmailWriter} builds the file type map of its messages once (issue 11: Spring's helper read
 * and parsed {@code mime.types} for every email), and that map names files as the helper's own
 * would.
 */
class EmailFileTypesTest {

	@Test
	void everyMessageSharesOneFileTypeMap() throws Exception {
		MimeMessageHelper first = new EmailWriter.Helper(new MimeMessage(EmailWriter.SESSION));
		MimeMessageHelper second = new EmailWriter.Helper(new MimeMessage(EmailWriter.SESSION));
		assertThat(first.getFileTypeMap()).isSameAs(EmailWriter.FILE_TYPES).isSameAs(second.getFileTypeMap());
		assertThat(first.isMultipart()).isTrue();
		assertThat(first.getEncoding()).isEqualTo("UTF-8");
	}

	@Test
	void theSharedMapNamesFilesAsTheHelpersOwnMap() throws Exception {
		MimeMessageHelper plain = new MimeMessageHelper(new MimeMessage(EmailWriter.SESSION), true, "UTF-8");
		assertThat(plain.getFileTypeMap()).isInstanceOf(ConfigurableMimeFileTypeMap.class);
		for (String name : new String[] { "receipt-B000123.pdf", "invoice.pdf", "usage.csv", "letter.html",
				"notes.txt", "logo.png", "unknown.xyz" }) {
			assertThat(EmailWriter.FILE_TYPES.getContentType(name)).as(name)
				.isEqualTo(plain.getFileTypeMap().getContentType(name));
		}
	}

}

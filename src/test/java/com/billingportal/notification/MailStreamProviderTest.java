package com.billingportal.notification;

import jakarta.mail.util.StreamProvider;

import org.eclipse.angus.mail.util.MailStreamProvider;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jakarta Mail finds its stream provider by the name {@link EmailWriter} gives it, not by a scan of
 * the application's jars for every body part (issue 11): the name must be that of a class that
 * exists, or Jakarta Mail falls back to the scan without a word.
 */
class MailStreamProviderTest {

	@Test
	void theStreamProviderIsNamedAndFoundByThatName() {
		assertThat(EmailWriter.SESSION).isNotNull();
		assertThat(System.getProperty(StreamProvider.class.getName())).isEqualTo(MailStreamProvider.class.getName());
		assertThat(StreamProvider.provider()).isInstanceOf(MailStreamProvider.class);
	}

}

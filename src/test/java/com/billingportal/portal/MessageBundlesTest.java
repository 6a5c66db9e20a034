package com.billingportal.portal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every word a user reads exists in Chinese too, and is translated. */
class MessageBundlesTest {

	/** Proper names and codes that Chinese writes as English does. */
	private static final Set<String> SAME_IN_BOTH = Set.of("card.cvc", "unit.GB");

	@Test
	void theChineseBundleHasEveryKeyOfTheEnglishOneAndNoOther() throws IOException {
		Properties en = load("messages.properties");
		Properties zh = load("messages_zh_CN.properties");
		assertThat(zh.stringPropertyNames()).as("keys missing in messages_zh_CN.properties")
			.containsAll(en.stringPropertyNames());
		assertThat(en.stringPropertyNames()).as("keys only in messages_zh_CN.properties")
			.containsAll(zh.stringPropertyNames());
	}

	@Test
	void everyChineseMessageIsTranslated() throws IOException {
		Properties en = load("messages.properties");
		Properties zh = load("messages_zh_CN.properties");
		Set<String> untranslated = new TreeSet<>();
		for (String key : en.stringPropertyNames()) {
			String value = zh.getProperty(key);
			if (value != null && value.equals(en.getProperty(key)) && !SAME_IN_BOTH.contains(key)) {
				untranslated.add(key);
			}
		}
		assertThat(untranslated).as("messages left in English in messages_zh_CN.properties").isEmpty();
	}

	@Test
	void theBundlesAreReadAsUtf8() throws IOException {
		assertThat(load("messages_zh_CN.properties").getProperty("invoice.status.PAID")).isEqualTo("已支付");
	}

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = new InputStreamReader(new ClassPathResource(name).getInputStream(),
				StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

}

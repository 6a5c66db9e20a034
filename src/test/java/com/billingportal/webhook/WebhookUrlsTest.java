package com.billingportal.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.Deque;

import org.apache.hc.client5.http.DnsResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Which URLs may receive webhooks (server-side request forgery), without Spring: the form of the
 * URL, every kind of non-public address, and a name checked again on each resolution (DNS
 * rebinding: public when registered, loopback when delivered).
 */
class WebhookUrlsTest {

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "127.1.2.3", "10.0.0.5", "172.16.0.1", "172.31.255.254", "192.168.1.10",
			"169.254.169.254", "169.254.0.1", "0.0.0.0", "0.1.2.3", "224.0.0.1", "239.255.255.250", "100.64.0.1",
			"100.100.100.200", "255.255.255.255", "240.0.0.1", "198.18.0.1", "::", "::1", "fc00::1", "fd12:3456::1",
			"fe80::1", "ff02::1", "::ffff:127.0.0.1", "::ffff:169.254.169.254", "::127.0.0.1", "64:ff9b::a9fe:a9fe",
			"fec0::1", "192.0.2.1", "198.51.100.7", "203.0.113.9", "2002:7f00:1::", "2002:a9fe:a9fe::",
			"2002:5db8:d822::1", "64:ff9b:1::a00:1", "64:ff9b:1::5db8:d822", "2001::a9fe:a9fe", "2001:0:4136:e378::1",
			"100::1", "2001:db8::1", "3fff::1", "2001:2::1", "4000::1" })
	void nonPublicAddressesAreRefused(String address) throws Exception {
		assertThat(WebhookUrls.restrictedKind(InetAddress.getByName(address))).as(address).isNotNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "169.255.0.1", "2606:4700::1111",
			"2001:4860:4860::8888", "64:ff9b::5db8:d822", "::ffff:93.184.216.34", "2a00:1450:4001::200e",
			"2001:1::1", "192.0.3.1", "203.0.114.1" })
	void publicAddressesAreAllowed(String address) throws Exception {
		assertThat(WebhookUrls.restrictedKind(InetAddress.getByName(address))).as(address).isNull();
	}

	@Test
	void theKindIsNamed() throws Exception {
		assertThat(WebhookUrls.restrictedKind(InetAddress.getByName("127.0.0.1"))).isEqualTo("loopback");
		assertThat(WebhookUrls.restrictedKind(InetAddress.getByName("10.1.1.1"))).isEqualTo("private");
		assertThat(WebhookUrls.restrictedKind(InetAddress.getByName("fd00::1"))).isEqualTo("private");
		assertThat(WebhookUrls.restrictedKind(InetAddress.getByName("169.254.169.254"))).isEqualTo("link-local");
		assertThat(WebhookUrls.restrictedKind(InetAddress.getByName("0.0.0.0"))).isEqualTo("unspecified");
		assertThat(WebhookUrls.restrictedKind(InetAddress.getByName("224.0.0.1"))).isEqualTo("multicast");
		assertThat(WebhookUrls.restrictedKind(InetAddress.getByName("2002:7f00:1::"))).isEqualTo("tunnelled (6to4)");
		assertThat(WebhookUrls.restrictedKind(InetAddress.getByName("2001::a9fe:a9fe"))).isEqualTo("tunnelled (Teredo)");
		assertThat(WebhookUrls.restrictedKind(InetAddress.getByName("2001:db8::1"))).isEqualTo("documentation");
		assertThat(WebhookUrls.restrictedKind(InetAddress.getByName("203.0.113.9"))).isEqualTo("documentation");
	}

	@Test
	void httpsOnlyUnlessHttpIsAllowedAndNeverAUserOrPassword() {
		assertThat(WebhookUrls.formRefusal("http://erp.example.com/hooks", false)).contains("must be an https URL");
		assertThat(WebhookUrls.formRefusal("http://erp.example.com/hooks", true)).isEmpty();
		assertThat(WebhookUrls.formRefusal("https://erp.example.com/hooks", false)).isEmpty();
		assertThat(WebhookUrls.formRefusal("HTTPS://erp.example.com/hooks", false)).isEmpty();
		assertThat(WebhookUrls.formRefusal("ftp://erp.example.com/hooks", true)).isPresent();
		assertThat(WebhookUrls.formRefusal("file:///etc/passwd", true)).isPresent();
		assertThat(WebhookUrls.formRefusal("gopher://127.0.0.1:25/", true)).isPresent();
		assertThat(WebhookUrls.formRefusal("https://user:secret@erp.example.com/hooks", false))
			.contains("must not hold a user name or password");
		assertThat(WebhookUrls.formRefusal("https://erp.example.com@169.254.169.254/", false)).isPresent();
		assertThat(WebhookUrls.formRefusal("https:///hooks", false)).isPresent();
		assertThat(WebhookUrls.formRefusal("https://erp example.com/", false)).contains("is not a URL");
	}

	@Test
	void aRegisteredUrlIsCheckedByItsAddresses() {
		WebhookUrls urls = new WebhookUrls(false, false, dns("erp.example.com", "93.184.216.34", "rebind.example.com",
				"127.0.0.1", "mixed.example.com", "93.184.216.34", "mixed.example.com", "10.0.0.1"));
		assertThat(urls.refusal("https://erp.example.com/hooks")).isEmpty();
		assertThat(urls.refusal("https://rebind.example.com/hooks")).hasValueSatisfying(
				(reason) -> assertThat(reason).contains("loopback"));
		assertThat(urls.refusal("https://169.254.169.254/latest/meta-data/")).hasValueSatisfying(
				(reason) -> assertThat(reason).contains("link-local"));
		assertThat(urls.refusal("https://[::1]/hooks")).isPresent();
		assertThat(urls.refusal("https://unknown.example.com/hooks")).contains("its host name does not resolve");
	}

	@Test
	void aHostWithOneNonPublicAddressAmongPublicOnesIsRefused() throws Exception {
		WebhookUrls urls = new WebhookUrls(false, false, resolver((host) -> new InetAddress[] {
				InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.0.0.1") }));
		assertThat(urls.refusal("https://mixed.example.com/hooks")).hasValueSatisfying(
				(reason) -> assertThat(reason).contains("private"));
	}

	@Test
	void eachResolutionOfTheDeliveryClientIsCheckedAgain() throws Exception {
		// DNS rebinding: a public address when the endpoint is registered, the loopback one when the
		// webhook is sent. The delivery client's resolver is asked on connecting, and refuses.
		Deque<String> answers = new ArrayDeque<>(java.util.List.of("93.184.216.34", "127.0.0.1"));
		WebhookUrls urls = new WebhookUrls(false, false, resolver((host) -> new InetAddress[] {
				InetAddress.getByName(answers.poll()) }));
		assertThat(urls.refusal("https://rebind.example.com/hooks")).isEmpty();
		assertThatThrownBy(() -> urls.resolver().resolve("rebind.example.com"))
			.isInstanceOf(WebhookUrls.RefusedAddress.class)
			.hasMessageContaining("loopback");
	}

	@Test
	void theOperatorMayAllowPrivateNetworks() throws Exception {
		WebhookUrls urls = new WebhookUrls(true, true,
				resolver((host) -> new InetAddress[] { InetAddress.getByName("127.0.0.1") }));
		assertThat(urls.refusal("http://receiver.local:8080/hooks")).isEmpty();
		assertThat(urls.resolver().resolve("receiver.local")).hasSize(1);
		// Still no user information and no other scheme.
		assertThat(urls.refusal("http://a:b@receiver.local/hooks")).isPresent();
		assertThat(urls.refusal("ftp://receiver.local/hooks")).isPresent();
	}

	/** A resolver answering from pairs (name, address); an unknown name does not resolve. */
	private static DnsResolver dns(String... pairs) {
		return resolver((host) -> {
			var found = new java.util.ArrayList<InetAddress>();
			for (int i = 0; i < pairs.length; i += 2) {
				if (pairs[i].equals(host)) {
					found.add(InetAddress.getByName(pairs[i + 1]));
				}
			}
			if (found.isEmpty()) {
				if (host.matches("[0-9.]+|\\[?[0-9a-fA-F:]+\\]?")) {
					return new InetAddress[] { InetAddress.getByName(host) };
				}
				throw new UnknownHostException(host);
			}
			return found.toArray(new InetAddress[0]);
		});
	}

	private static DnsResolver resolver(Lookup lookup) {
		return new DnsResolver() {

			@Override
			public InetAddress[] resolve(String host) throws UnknownHostException {
				return lookup.resolve(host);
			}

			@Override
			public String resolveCanonicalHostname(String host) {
				return host;
			}

		};
	}

	interface Lookup {

		InetAddress[] resolve(String host) throws UnknownHostException;

	}

}

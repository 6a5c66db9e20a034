package com.billingportal.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Where a webhook may be sent (server-side request forgery): an https URL (http only with
 * {@code billing.webhooks.allow-http}), without user information, to a host whose every address is
 * a public one. Loopback, private (RFC 1918, fc00::/7), link-local (169.254.0.0/16 with the cloud
 * metadata services, fe80::/10), shared (100.64.0.0/10), unspecified, broadcast, reserved and
 * multicast addresses are refused unless {@code billing.webhooks.allow-private-networks} is set.
 * Checked when an endpoint is registered and again on every delivery by {@link #resolver()}, the
 * name resolution of the delivery client itself: the address connected to is one that was checked
 * (a name that resolves differently the second time, DNS rebinding, gains nothing).
 */
@Component
public class WebhookUrls {

	private final boolean allowHttp;

	private final boolean allowPrivateNetworks;

	private final DnsResolver dns;

	WebhookUrls(boolean allowHttp, boolean allowPrivateNetworks, DnsResolver dns) {
		this.allowHttp = allowHttp;
		this.allowPrivateNetworks = allowPrivateNetworks;
		this.dns = dns;
	}

	@Autowired
	WebhookUrls(WebhookProperties properties) {
		this(properties.allowHttp(), properties.allowPrivateNetworks(), SystemDefaultDnsResolver.INSTANCE);
	}

	/** Why the URL may not receive webhooks (its form, then its host's addresses); empty: it may. */
	public Optional<String> refusal(String url) {
		Optional<String> form = formRefusal(url, this.allowHttp);
		if (form.isPresent()) {
			return form;
		}
		try {
			this.resolver().resolve(URI.create(url).getHost());
			return Optional.empty();
		}
		catch (RefusedAddress ex) {
			return Optional.of(ex.getMessage());
		}
		catch (UnknownHostException ex) {
			return Optional.of("its host name does not resolve");
		}
	}

	/** What the URL itself breaks (scheme, user information, host), without resolving it; empty: nothing. */
	static Optional<String> formRefusal(String url, boolean allowHttp) {
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException | NullPointerException ex) {
			return Optional.of("is not a URL");
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
			return Optional.of(allowHttp ? "must be an http or https URL" : "must be an https URL");
		}
		if (uri.getRawUserInfo() != null) {
			return Optional.of("must not hold a user name or password");
		}
		if (uri.getHost() == null || uri.getHost().isEmpty()) {
			return Optional.of("must name a host");
		}
		if (uri.getRawFragment() != null) {
			return Optional.of("must not hold a fragment");
		}
		return Optional.empty();
	}

	/**
	 * The delivery client's name resolution: the host's addresses, every one of them checked; a
	 * refused one fails the whole name ({@link RefusedAddress}), so nothing is connected to.
	 */
	DnsResolver resolver() {
		return new DnsResolver() {

			@Override
			public InetAddress[] resolve(String host) throws UnknownHostException {
				InetAddress[] addresses = WebhookUrls.this.dns.resolve(host);
				if (!WebhookUrls.this.allowPrivateNetworks) {
					for (InetAddress address : addresses) {
						String kind = restrictedKind(address);
						if (kind != null) {
							throw new RefusedAddress("its host resolves to a " + kind + " address, which receives no webhooks");
						}
					}
				}
				return addresses;
			}

			@Override
			public String resolveCanonicalHostname(String host) throws UnknownHostException {
				return WebhookUrls.this.dns.resolveCanonicalHostname(host);
			}

		};
	}

	/** What kind of non-public address this is (loopback, private, ...); null: a public one. */
	static String restrictedKind(InetAddress address) {
		if (address.isAnyLocalAddress()) {
			return "unspecified";
		}
		if (address.isLoopbackAddress()) {
			return "loopback";
		}
		if (address.isLinkLocalAddress()) {
			return "link-local";
		}
		if (address.isMulticastAddress()) {
			return "multicast";
		}
		if (address.isSiteLocalAddress()) {
			return "private";
		}
		if (address instanceof Inet6Address) {
			byte[] b = address.getAddress();
			Inet4Address embedded = embeddedIpv4(b);
			if (embedded != null) {
				return restrictedKind(embedded);
			}
			return ((b[0] & 0xfe) == 0xfc) ? "private" : null;
		}
		return restrictedIpv4(address.getAddress());
	}

	/** The IPv4 ranges Java's checks leave out: "this network", shared, IETF, benchmarking, reserved, broadcast. */
	private static String restrictedIpv4(byte[] b) {
		int first = b[0] & 0xff;
		int second = b[1] & 0xff;
		if (first == 0) {
			return "unspecified";
		}
		if (first == 100 && (second & 0xc0) == 64) {
			return "shared (carrier-grade NAT)";
		}
		if ((first == 192 && second == 0 && (b[2] & 0xff) == 0) || (first == 198 && (second & 0xfe) == 18)) {
			return "reserved";
		}
		if (first >= 240) {
			return (first == 255 && second == 255) ? "broadcast" : "reserved";
		}
		return null;
	}

	/** The IPv4 address inside an IPv4-compatible (::a.b.c.d), IPv4-mapped or NAT64 (64:ff9b::/96) address. */
	private static Inet4Address embeddedIpv4(byte[] b) {
		boolean zeros = true;
		for (int i = 0; i < 10; i++) {
			zeros &= b[i] == 0;
		}
		boolean compatibleOrMapped = zeros && ((b[10] == 0 && b[11] == 0) || (b[10] == (byte) 0xff && b[11] == (byte) 0xff));
		boolean nat64 = b[0] == 0 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b;
		for (int i = 4; nat64 && i < 12; i++) {
			nat64 = b[i] == 0;
		}
		if (!compatibleOrMapped && !nat64) {
			return null;
		}
		try {
			return (Inet4Address) InetAddress.getByAddress(new byte[] { b[12], b[13], b[14], b[15] });
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A name that resolves to an address that receives no webhooks. */
	static class RefusedAddress extends UnknownHostException {

		RefusedAddress(String reason) {
			super(reason);
		}

	}

}

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
 * metadata services, fe80::/10), shared (100.64.0.0/10), documentation, unspecified, broadcast, reserved
 * and multicast addresses are refused, and of IPv6 all but global unicast (2000::/3) without its
 * tunnels to IPv4 (6to4, Teredo), unless {@code billing.webhooks.allow-private-networks} is set.
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
			return restrictedIpv6(address.getAddress());
		}
		return restrictedIpv4(address.getAddress());
	}

	/**
	 * The IPv6 addresses Java's checks leave out. An embedded IPv4 address (IPv4-mapped or
	 * -compatible, NAT64 64:ff9b::/96) is judged as IPv4; otherwise only global unicast (2000::/3)
	 * is public, and within it not the tunnels that lead to any IPv4 address (6to4 2002::/16,
	 * Teredo 2001::/32), benchmarking (2001:2::/48) nor documentation (2001:db8::/32, 3fff::/20).
	 * So unique local fc00::/7, discard-only 100::/64 and local-use NAT64 64:ff9b:1::/48 are refused.
	 */
	private static String restrictedIpv6(byte[] b) {
		Inet4Address embedded = embeddedIpv4(b);
		if (embedded != null) {
			return restrictedKind(embedded);
		}
		if ((b[0] & 0xfe) == 0xfc) {
			return "private";
		}
		if ((b[0] & 0xe0) != 0x20) {
			return "reserved";
		}
		int first = ((b[0] & 0xff) << 8) | (b[1] & 0xff);
		int second = ((b[2] & 0xff) << 8) | (b[3] & 0xff);
		if (first == 0x2002) {
			return "tunnelled (6to4)";
		}
		if (first == 0x2001 && second == 0) {
			return "tunnelled (Teredo)";
		}
		if ((first == 0x2001 && second == 0x0db8) || (first == 0x3fff && (second & 0xf000) == 0)) {
			return "documentation";
		}
		if (first == 0x2001 && second == 0x0002 && b[4] == 0 && b[5] == 0) {
			return "reserved";
		}
		return null;
	}

	/**
	 * The IPv4 ranges Java's checks leave out: "this network", shared, IETF, benchmarking,
	 * documentation, reserved, broadcast.
	 */
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
		int third = b[2] & 0xff;
		if ((first == 192 && second == 0 && third == 2) || (first == 198 && second == 51 && third == 100)
				|| (first == 203 && second == 0 && third == 113)) {
			return "documentation";
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

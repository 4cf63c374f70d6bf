package dev.claimsmith.events;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where webhooks may go: only to public addresses, unless the operator trusts the host
 * ({@code claimsmith.webhooks.allowed-private-hosts} or {@code allowed-http-hosts}).
 * Otherwise anyone holding a key that may manage webhooks could make the service POST
 * into its own network: the cloud's metadata service (169.254.169.254), the database, an
 * admin page on localhost. Checked when an endpoint is registered or changed and again
 * before every delivery, since a name's addresses can change; a change between that check
 * and the connection itself (DNS rebinding within one delivery) is not caught.
 */
final class WebhookTargets {

	private final Set<String> trustedHosts;

	WebhookTargets(WebhookProperties properties) {
		this.trustedHosts = Stream
			.concat(properties.allowedPrivateHosts().stream(), properties.allowedHttpHosts().stream())
			.map((host) -> host.toLowerCase(Locale.ROOT))
			.collect(Collectors.toUnmodifiableSet());
	}

	/**
	 * Why {@code host} may not receive webhooks, if it may not; a name that does not
	 * resolve now is not refused (the delivery fails and is retried).
	 */
	Optional<String> refusal(String host) {
		String name = host.toLowerCase(Locale.ROOT);
		if (this.trustedHosts.contains(name)) {
			return Optional.empty();
		}
		InetAddress[] addresses;
		try {
			addresses = InetAddress.getAllByName(name);
		}
		catch (UnknownHostException ex) {
			return Optional.empty();
		}
		for (InetAddress address : addresses) {
			if (!isPublic(address)) {
				return Optional.of(host + " is a private, loopback or link-local address (" + address.getHostAddress()
						+ "); list it in claimsmith.webhooks.allowed-private-hosts to allow it.");
			}
		}
		return Optional.empty();
	}

	/** The URI's host as a name or address, without the brackets of an IPv6 literal. */
	static String hostOf(URI uri) {
		String host = uri.getHost();
		return (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
	}

	/**
	 * False for loopback, unspecified, link-local, private (RFC 1918, RFC 4193), shared
	 * (RFC 6598), multicast and reserved addresses, in IPv4 or embedded in IPv6.
	 */
	static boolean isPublic(InetAddress address) {
		if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
				|| address.isSiteLocalAddress() || address.isMulticastAddress()) {
			return false;
		}
		byte[] bytes = address.getAddress();
		if (address instanceof Inet4Address) {
			return isPublicIpv4(bytes, 0);
		}
		// Unique local fc00::/7.
		if ((bytes[0] & 0xfe) == 0xfc) {
			return false;
		}
		// IPv4-mapped ::ffff:a.b.c.d and IPv4-compatible ::a.b.c.d.
		boolean mapped = (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
		if (isZero(bytes, 0, 10) && (mapped || isZero(bytes, 10, 12))) {
			return isPublicIpv4(bytes, 12);
		}
		// NAT64 64:ff9b::a.b.c.d.
		boolean nat64 = bytes[0] == 0 && bytes[1] == 0x64 && (bytes[2] & 0xff) == 0xff && (bytes[3] & 0xff) == 0x9b;
		if (nat64 && isZero(bytes, 4, 12)) {
			return isPublicIpv4(bytes, 12);
		}
		return true;
	}

	/**
	 * Refused: 0/8 (this network), 10/8, 172.16/12 and 192.168/16 (private), 127/8
	 * (loopback), 100.64/10 (shared, carrier-grade NAT), 169.254/16 (link-local, the
	 * cloud's metadata service), 192.0.0/24 (IETF protocol assignments), 198.18/15
	 * (benchmarking), 224/4 and above (multicast, reserved, broadcast).
	 */
	private static boolean isPublicIpv4(byte[] bytes, int at) {
		int a = bytes[at] & 0xff;
		int b = bytes[at + 1] & 0xff;
		int c = bytes[at + 2] & 0xff;
		boolean refused = a == 0 || a == 10 || a == 127 || a >= 224 || (a == 100 && b >= 64 && b <= 127)
				|| (a == 169 && b == 254) || (a == 172 && b >= 16 && b <= 31) || (a == 192 && b == 168)
				|| (a == 192 && b == 0 && c == 0) || (a == 198 && (b == 18 || b == 19));
		return !refused;
	}

	private static boolean isZero(byte[] bytes, int from, int to) {
		for (int i = from; i < to; i++) {
			if (bytes[i] != 0) {
				return false;
			}
		}
		return true;
	}

}

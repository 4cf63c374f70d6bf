package dev.claimsmith.events;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which addresses webhooks may go to (address literals only: no lookups but localhost's).
 */
class WebhookTargetsTests {

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "127.5.5.5", "0.0.0.0", "0.1.2.3", "10.1.2.3", "172.16.0.1", "172.31.255.255",
			"192.168.0.1", "169.254.169.254", "100.64.0.1", "100.127.255.255", "224.0.0.1", "255.255.255.255",
			"240.0.0.1", "198.18.0.1", "192.0.0.8", "::1", "::", "fe80::1", "fc00::1", "fd00:ec2::254", "ff02::1",
			"::ffff:127.0.0.1", "::ffff:169.254.169.254", "::10.0.0.1", "64:ff9b::a9fe:a9fe", "64:ff9b::10.0.0.1" })
	void privateLoopbackLinkLocalAndReservedAddressesAreNotPublic(String literal) throws UnknownHostException {
		assertThat(WebhookTargets.isPublic(InetAddress.getByName(literal))).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "8.8.8.8", "1.1.1.1", "172.32.0.1", "172.15.255.255", "100.128.0.1", "100.63.255.255",
			"192.169.0.1", "169.255.0.1", "2606:4700:4700::1111", "2001:4860:4860::8888", "64:ff9b::808:808",
			"::ffff:8.8.8.8" })
	void otherAddressesArePublic(String literal) throws UnknownHostException {
		assertThat(WebhookTargets.isPublic(InetAddress.getByName(literal))).isTrue();
	}

	@Test
	void aHostIsRefusedWhenAnyOfItsAddressesIsNotPublicUnlessTrusted() {
		WebhookTargets targets = new WebhookTargets(properties(List.of("receiver.internal"), List.of("10.0.0.8")));

		assertThat(targets.refusal("localhost")).hasValueSatisfying(
				(refusal) -> assertThat(refusal).contains("localhost").contains("allowed-private-hosts"));
		assertThat(targets.refusal("169.254.169.254")).isPresent();
		assertThat(targets.refusal("10.0.0.9")).isPresent();
		assertThat(targets.refusal("10.0.0.8")).as("trusted").isEmpty();
		assertThat(targets.refusal("RECEIVER.internal")).as("trusted, any case, not even looked up").isEmpty();
		assertThat(targets.refusal("8.8.8.8")).isEmpty();
		assertThat(targets.refusal("no-such-host.invalid")).as("unresolvable now: the delivery fails instead")
			.isEmpty();
	}

	private static WebhookProperties properties(List<String> allowedHttpHosts, List<String> allowedPrivateHosts) {
		return new WebhookProperties(allowedHttpHosts, allowedPrivateHosts, Duration.ofSeconds(10),
				Duration.ofSeconds(5), Duration.ofHours(1), Duration.ofHours(24), Duration.ofSeconds(1),
				Duration.ofSeconds(5));
	}

}

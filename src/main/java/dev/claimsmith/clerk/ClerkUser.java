package dev.claimsmith.clerk;

import java.util.List;

import dev.claimsmith.metadata.JsonMetadata;
import dev.claimsmith.user.User;

/**
 * Clerk's user object. A Claimsmith user has one email address, which is the primary one;
 * its id ({@code idn_…}) is derived from the user's, so it is stable without being
 * stored. What Claimsmith does not model (phone numbers, usernames, wallets, MFA, bans)
 * reads as Clerk's empty values.
 */
record ClerkUser(String object, String id, String externalId, String primaryEmailAddressId, String primaryPhoneNumberId,
		String primaryWeb3WalletId, String username, String firstName, String lastName, String imageUrl,
		boolean hasImage, JsonMetadata publicMetadata, JsonMetadata privateMetadata, JsonMetadata unsafeMetadata,
		List<EmailAddress> emailAddresses, List<Object> phoneNumbers, List<Object> web3Wallets, List<Object> passkeys,
		List<Object> externalAccounts, List<Object> samlAccounts, List<Object> enterpriseAccounts,
		boolean passwordEnabled, boolean twoFactorEnabled, boolean totpEnabled, boolean backupCodeEnabled,
		boolean banned, boolean locked, Long lastSignInAt, Long lastActiveAt, boolean createOrganizationEnabled,
		Integer createOrganizationsLimit, boolean deleteSelfEnabled, Long legalAcceptedAt, long createdAt,
		long updatedAt) {

	static ClerkUser of(User user) {
		EmailAddress email = EmailAddress.of(user);
		return new ClerkUser("user", user.id(), user.externalId(), email.id(), null, null, null, user.firstName(),
				user.lastName(), (user.profilePictureUrl() != null) ? user.profilePictureUrl() : "",
				user.profilePictureUrl() != null, user.publicMetadata(), user.metadata(), user.unsafeMetadata(),
				List.of(email), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), user.hasPassword(),
				false, false, false, false, false,
				(user.lastSignInAt() != null) ? user.lastSignInAt().toEpochMilli() : null, null, true, null, true, null,
				user.createdAt().toEpochMilli(), user.updatedAt().toEpochMilli());
	}

	/**
	 * The id Clerk shows for the user's email address: {@code idn_} and the user's ULID.
	 */
	static String emailAddressId(String userId) {
		int separator = userId.lastIndexOf('_');
		return "idn_" + userId.substring(separator + 1);
	}

	/** Clerk's email address object; {@code linked_to} is always empty here. */
	record EmailAddress(String object, String id, String emailAddress, boolean reserved, Verification verification,
			List<Object> linkedTo, long createdAt, long updatedAt) {

		static EmailAddress of(User user) {
			Verification verification = user.emailVerified() ? new Verification("verified", "admin", null, null)
					: new Verification("unverified", null, null, null);
			return new EmailAddress("email_address", emailAddressId(user.id()), user.email(), false, verification,
					List.of(), user.createdAt().toEpochMilli(), user.updatedAt().toEpochMilli());
		}

	}

	record Verification(String status, String strategy, Integer attempts, Long expireAt) {
	}

}

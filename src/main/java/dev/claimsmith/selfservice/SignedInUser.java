package dev.claimsmith.selfservice;

/**
 * Whom an access token speaks for: its {@code sub} and, when it names one, its
 * {@code org_id}.
 *
 * @param organizationId null for a token minted without an organization
 */
record SignedInUser(String userId, String organizationId) {
}

package dev.claimsmith.token;

import java.time.Instant;

/**
 * A signed access token.
 *
 * @param accessToken the compact JWS
 * @param expiresIn seconds until it expires
 * @param expiresAt when it expires
 * @param jti its unique id
 */
public record MintedToken(String accessToken, long expiresIn, Instant expiresAt, String jti) {
}

package dev.claimsmith.keys;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.springframework.stereotype.Component;

/**
 * Verifies tokens strictly against our own published keys: the header's {@code kid} must
 * name a published key and its {@code alg} must be exactly that key's algorithm (so
 * {@code none}, HMAC keyed with a public key and other algorithm confusion fail), the
 * signature must hold, {@code exp} must be in the future and {@code iss} must be ours.
 * Keys embedded in the header ({@code jwk}, {@code jku}, {@code x5c}, {@code x5u}) are
 * ignored. Thread-safe.
 */
@Component
public class TokenVerifier {

	/** Far above any token we mint; bounds the work an attacker can ask for. */
	private static final int MAX_TOKEN_LENGTH = 16 * 1024;

	private final SigningKeys signingKeys;

	private final String issuer;

	private final Duration clockSkew;

	private final Clock clock;

	TokenVerifier(SigningKeys signingKeys, IssuerProperties issuer, KeysProperties properties, Clock clock) {
		this.signingKeys = signingKeys;
		this.clock = clock;
		this.issuer = issuer.issuer();
		this.clockSkew = properties.clockSkew();
	}

	/** The claims of a valid token, or empty for anything else (never throws). */
	public Optional<JWTClaimsSet> verify(String token) {
		return Optional.ofNullable(check(token).claims());
	}

	/** Like {@link #verify}, with the reason for a rejection. */
	Result check(String token) {
		if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
			return Result.rejected(Rejection.MALFORMED);
		}
		SignedJWT jwt;
		try {
			jwt = SignedJWT.parse(token);
		}
		catch (ParseException ex) {
			return Result.rejected(Rejection.MALFORMED);
		}
		JWSHeader header = jwt.getHeader();
		if (header.getCriticalParams() != null && !header.getCriticalParams().isEmpty()) {
			return Result.rejected(Rejection.MALFORMED);
		}
		Optional<RingKey> key = Optional.ofNullable(header.getKeyID()).flatMap(this.signingKeys::publishedKey);
		if (key.isEmpty()) {
			return Result.rejected(Rejection.UNKNOWN_KEY);
		}
		if (!key.get().algorithm().equals(header.getAlgorithm())) {
			return Result.rejected(Rejection.ALGORITHM_MISMATCH);
		}
		if (!signatureValid(jwt, key.get())) {
			return Result.rejected(Rejection.BAD_SIGNATURE);
		}
		try {
			return checkClaims(jwt.getJWTClaimsSet());
		}
		catch (ParseException ex) {
			return Result.rejected(Rejection.MALFORMED);
		}
	}

	private Result checkClaims(JWTClaimsSet claims) {
		Instant now = this.clock.instant();
		Date expiration = claims.getExpirationTime();
		if (expiration == null) {
			return Result.rejected(Rejection.MISSING_CLAIM);
		}
		if (!now.isBefore(expiration.toInstant().plus(this.clockSkew))) {
			return Result.rejected(Rejection.EXPIRED);
		}
		Date notBefore = claims.getNotBeforeTime();
		if (notBefore != null && now.plus(this.clockSkew).isBefore(notBefore.toInstant())) {
			return Result.rejected(Rejection.NOT_YET_VALID);
		}
		if (!this.issuer.equals(claims.getIssuer())) {
			return Result.rejected(Rejection.WRONG_ISSUER);
		}
		return new Result(claims, null);
	}

	private static boolean signatureValid(SignedJWT jwt, RingKey key) {
		try {
			return jwt.verify(key.verifier());
		}
		catch (JOSEException | RuntimeException ex) {
			return false;
		}
	}

	enum Rejection {

		MALFORMED, UNKNOWN_KEY, ALGORITHM_MISMATCH, BAD_SIGNATURE, MISSING_CLAIM, EXPIRED, NOT_YET_VALID, WRONG_ISSUER

	}

	/** Exactly one of {@code claims} (accepted) and {@code rejection} is non-null. */
	record Result(JWTClaimsSet claims, Rejection rejection) {

		static Result rejected(Rejection rejection) {
			return new Result(null, rejection);
		}

	}

}

package dev.claimsmith.keys;

import java.io.IOException;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A self-signed X.509 certificate for an RSA signing key, published as the JWK's
 * {@code x5c}: some typed JWKS clients (.NET, several Java and Node libraries) only take
 * RSA keys that come with one. Nobody validates its chain; it carries the public key.
 */
final class SelfSignedCertificate {

	/** Outlives any key: certificate expiry is not how keys retire here. */
	private static final Duration VALIDITY = Duration.ofDays(10 * 366);

	private static final SecureRandom random = new SecureRandom();

	private SelfSignedCertificate() {
	}

	/**
	 * The DER encoding of a certificate for {@code keyPair}, signed SHA256withRSA by
	 * itself.
	 */
	static byte[] create(KeyPair keyPair, String kid, Instant now) {
		X500Name subject = new X500NameBuilder().addRDN(BCStyle.O, "Claimsmith").addRDN(BCStyle.CN, kid).build();
		X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, new BigInteger(127, random),
				Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(VALIDITY)), subject,
				keyPair.getPublic());
		try {
			builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
			builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
			ContentSigner signer = new JcaContentSignerBuilder("SHA256withRSA").build(keyPair.getPrivate());
			return builder.build(signer).getEncoded();
		}
		catch (IOException | OperatorCreationException ex) {
			throw new IllegalStateException("Cannot create the certificate for key " + kid, ex);
		}
	}

}

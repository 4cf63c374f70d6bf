package dev.claimsmith;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * TLS for tests, made at test time: a throw-away CA and a server certificate for
 * {@code localhost} and {@code 127.0.0.1} that it signed, written as PEM files under
 * {@code target/test-tls/} (nothing private is checked in). As an
 * {@link ApplicationContextInitializer} it serves the service over HTTPS with Spring
 * Boot's standard PEM properties, exactly as an operator would configure them
 * ({@code SERVER_SSL_CERTIFICATE}, {@code SERVER_SSL_CERTIFICATE_PRIVATE_KEY}). Made once
 * per JVM; thread-safe.
 */
public final class TestTls implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static final Path DIRECTORY = Path.of("target", "test-tls");

	private static PemFiles files;

	/** The PEM files, made on first use. */
	public static synchronized PemFiles files() {
		if (files == null) {
			files = create();
		}
		return files;
	}

	/** An SSL context that trusts the test CA only, for Java's HTTP client. */
	public static SSLContext sslContext() {
		try {
			CertificateFactory factory = CertificateFactory.getInstance("X.509");
			X509Certificate ca;
			try (InputStream in = Files.newInputStream(files().caCertificate())) {
				ca = (X509Certificate) factory.generateCertificate(in);
			}
			KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
			trust.load(null, null);
			trust.setCertificateEntry("claimsmith-test-ca", ca);
			TrustManagerFactory trustManagers = TrustManagerFactory
				.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			trustManagers.init(trust);
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(null, trustManagers.getTrustManagers(), new SecureRandom());
			return context;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		PemFiles pem = files();
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("claimsmithTestTls",
					Map.of("server.ssl.enabled", "true", "server.ssl.certificate",
							"file:" + pem.serverCertificate().toAbsolutePath(), "server.ssl.certificate-private-key",
							"file:" + pem.serverPrivateKey().toAbsolutePath())));
	}

	private static PemFiles create() {
		try {
			Instant now = Instant.now();
			KeyPair caKeys = ecKeyPair();
			X500Name caName = new X500Name("CN=Claimsmith Test CA " + now.toEpochMilli());
			X509v3CertificateBuilder ca = new JcaX509v3CertificateBuilder(caName, serial(), notBefore(now),
					notAfter(now), caName, caKeys.getPublic());
			ca.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
			ca.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
			X509CertificateHolder caCertificate = ca.build(signer(caKeys));

			KeyPair serverKeys = ecKeyPair();
			X509v3CertificateBuilder server = new JcaX509v3CertificateBuilder(caName, serial(), notBefore(now),
					notAfter(now), new X500Name("CN=localhost"), serverKeys.getPublic());
			server.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
			server.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
			server.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
			server.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
					new GeneralName(GeneralName.dNSName, "localhost"),
					new GeneralName(GeneralName.iPAddress, InetAddress.getLoopbackAddress().getHostAddress()) }));
			X509CertificateHolder serverCertificate = server.build(signer(caKeys));

			Files.createDirectories(DIRECTORY);
			Path caPem = write("ca.pem", caCertificate);
			Path serverPem = write("server.pem", serverCertificate);
			Path keyPem = write("server-key.pem", new JcaPKCS8Generator(serverKeys.getPrivate(), null));
			return new PemFiles(caPem, serverPem, keyPem);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (GeneralSecurityException | OperatorCreationException ex) {
			throw new IllegalStateException("Cannot make the test certificates", ex);
		}
	}

	private static KeyPair ecKeyPair() throws GeneralSecurityException {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(new ECGenParameterSpec("secp256r1"));
		return generator.generateKeyPair();
	}

	private static ContentSigner signer(KeyPair keys) throws OperatorCreationException {
		return new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate());
	}

	private static BigInteger serial() {
		return new BigInteger(127, new SecureRandom());
	}

	private static Date notBefore(Instant now) {
		return Date.from(now.minus(Duration.ofHours(1)));
	}

	private static Date notAfter(Instant now) {
		return Date.from(now.plus(Duration.ofDays(2)));
	}

	private static Path write(String name, Object pemObject) throws IOException {
		StringWriter text = new StringWriter();
		try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
			writer.writeObject(pemObject);
		}
		Path path = DIRECTORY.resolve(name);
		Files.writeString(path, text.toString(), StandardCharsets.US_ASCII);
		return path;
	}

	/**
	 * The PEM files: the CA's certificate (what clients trust, e.g.
	 * {@code NODE_EXTRA_CA_CERTS}), the server's certificate and its PKCS#8 private key.
	 */
	public record PemFiles(Path caCertificate, Path serverCertificate, Path serverPrivateKey) {
	}

}

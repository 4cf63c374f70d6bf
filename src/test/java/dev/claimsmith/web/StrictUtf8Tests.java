package dev.claimsmith.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link StrictUtf8} passes well-formed UTF-8 through unchanged, whatever its length and
 * wherever a multi-byte character falls, and refuses what Java's decoder refuses and what
 * Jackson would read as UTF-16 or UTF-32.
 */
class StrictUtf8Tests {

	@ParameterizedTest(name = "{0} bytes")
	@ValueSource(ints = { 0, 1, 40, 511, 512, 513, 1023, 1024, 1025, 3000, 70_000 })
	void wellFormedBodyOfAnyLengthPassesUnchanged(int length) throws IOException {
		// Mixed widths, so that 2-, 3- and 4-byte characters straddle every buffer
		// boundary.
		StringBuilder text = new StringBuilder();
		String[] pieces = { "a", "é", "€", "😀", "{\"k\":1}" };
		for (int i = 0; text.toString().getBytes(StandardCharsets.UTF_8).length < length; i++) {
			text.append(pieces[i % pieces.length]);
		}
		byte[] body = text.toString().getBytes(StandardCharsets.UTF_8);

		assertThat(readThrough(body)).isEqualTo(body);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "c080", "c0af", "eda080", "f4908080", "e282", "ff", "7b22223a2263c3" })
	void malformedBytesAreRefused(String hex) {
		byte[] bad = HexFormat.of().parseHex(hex);
		byte[] body = new byte[600 + bad.length];
		Arrays.fill(body, (byte) 'a');
		System.arraycopy(bad, 0, body, 600, bad.length);

		assertThatThrownBy(() -> readThrough(bad)).isInstanceOf(CharacterCodingException.class);
		assertThatThrownBy(() -> readThrough(body)).isInstanceOf(CharacterCodingException.class);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "UTF-16BE", "UTF-16LE", "UTF-16", "UTF-32BE", "UTF-32LE", "UTF-32" })
	void utf16AndUtf32AreRefusedThoughTheirAsciiBytesAreWellFormedUtf8(String charset) {
		byte[] body = "{\"k\":\"v\"}".getBytes(Charset.forName(charset));

		assertThatThrownBy(() -> readThrough(body)).isInstanceOf(CharacterCodingException.class);
	}

	private static byte[] readThrough(byte[] body) throws IOException {
		// One byte at a time from the source, as a slow client's body arrives.
		InputStream trickle = new ByteArrayInputStream(body) {
			@Override
			public synchronized int read(byte[] buffer, int offset, int length) {
				return super.read(buffer, offset, Math.min(length, 1));
			}
		};
		try (InputStream checked = new StrictUtf8().decorate(null, trickle)) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			checked.transferTo(out);
			return out.toByteArray();
		}
	}

}

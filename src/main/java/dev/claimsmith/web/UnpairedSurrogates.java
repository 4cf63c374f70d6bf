package dev.claimsmith.web;

import java.io.CharConversionException;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * A JSON text may hold a UTF-16 surrogate only as half of a pair, raw or escaped
 * (backslash-u D800 to DFFF): one alone fits the grammar but names no Unicode text (RFC
 * 8259 §8.2; I-JSON, RFC 7493 §2.1, forbids it), and no UTF-8 encoder, PostgreSQL or
 * strict JSON decoder takes one. Jackson refuses one in a property name but passes one in
 * a string value on as is. UTF-8 bytes cannot hold a raw one (the UTF-8 check refuses an
 * encoded surrogate); chars can (Java's CESU-8 decoder makes one). Stateless.
 */
final class UnpairedSurrogates {

	/** A backslash-u escape: a backslash, {@code u} and four hex digits. */
	private static final int ESCAPE_LENGTH = 6;

	private UnpairedSurrogates() {
	}

	/**
	 * Checks the first {@code length} bytes of a UTF-8 JSON text. Only ASCII spells an
	 * escape and no byte of a multi-byte UTF-8 sequence is ASCII, so the bytes are read
	 * as ISO-8859-1, and only past the first backslash: most bodies have none.
	 */
	static void check(byte[] bytes, int length) throws UnpairedSurrogateException {
		for (int i = 0; i < length; i++) {
			if (bytes[i] == '\\') {
				check(new String(bytes, 0, length, StandardCharsets.ISO_8859_1), i);
				return;
			}
		}
	}

	/** Checks the first {@code length} chars of a JSON text, escaped and raw. */
	static void check(char[] chars, int length) throws UnpairedSurrogateException {
		check(CharBuffer.wrap(chars, 0, length), 0);
	}

	/**
	 * Walks the text from {@code from}: a backslash and the character it escapes (another
	 * backslash included) are taken as one, so an escaped backslash followed by
	 * {@code ud800} is text. A malformed escape is left for the parser to refuse.
	 */
	private static void check(CharSequence text, int from) throws UnpairedSurrogateException {
		int i = from;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (c == '\\') {
				i = afterEscape(text, i);
			}
			else if (Character.isHighSurrogate(c) && i + 1 < text.length()
					&& Character.isLowSurrogate(text.charAt(i + 1))) {
				i += 2;
			}
			else if (Character.isSurrogate(c)) {
				throw new UnpairedSurrogateException(i);
			}
			else {
				i++;
			}
		}
	}

	/** Where the text goes on after the escape at {@code at}. */
	private static int afterEscape(CharSequence text, int at) throws UnpairedSurrogateException {
		int unit = escapedUnit(text, at);
		if (unit < 0) {
			return at + 2;
		}
		if (Character.isHighSurrogate((char) unit)) {
			int next = escapedUnit(text, at + ESCAPE_LENGTH);
			if (next < 0 || !Character.isLowSurrogate((char) next)) {
				throw new UnpairedSurrogateException(at);
			}
			return at + 2 * ESCAPE_LENGTH;
		}
		if (Character.isLowSurrogate((char) unit)) {
			throw new UnpairedSurrogateException(at);
		}
		return at + ESCAPE_LENGTH;
	}

	/** The code unit that the backslash-u escape at {@code at} names, or -1 if none. */
	private static int escapedUnit(CharSequence text, int at) {
		if (at + ESCAPE_LENGTH > text.length() || text.charAt(at) != '\\' || text.charAt(at + 1) != 'u') {
			return -1;
		}
		for (int i = at + 2; i < at + ESCAPE_LENGTH; i++) {
			if (!HexFormat.isHexDigit(text.charAt(i))) {
				return -1;
			}
		}
		return HexFormat.fromHexDigits(text, at + 2, at + ESCAPE_LENGTH);
	}

	/** A JSON text escapes an unpaired surrogate; a parse error, so a 422. */
	static final class UnpairedSurrogateException extends CharConversionException {

		private static final long serialVersionUID = 1L;

		UnpairedSurrogateException(int offset) {
			super("Unpaired UTF-16 surrogate at offset " + offset);
		}

	}

}

package dev.claimsmith.web;

import java.io.ByteArrayInputStream;
import java.io.CharArrayReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import tools.jackson.core.io.IOContext;
import tools.jackson.core.io.InputDecorator;

/**
 * JSON read from bytes must be well-formed UTF-8 (RFC 8259 §8.1). Jackson's own decoder
 * accepts overlong forms ({@code C0 80} for NUL, {@code C0 AF} for '/'), which would let
 * a body smuggle characters past byte-level checks; Java's decoder refuses them, encoded
 * surrogates and code points past U+10FFFF. Nor may bytes look like UTF-16 or UTF-32 to
 * Jackson, which would decode them itself. Nor may any JSON text, bytes or chars, spell
 * what UTF-8 cannot encode: an unpaired surrogate ({@link UnpairedSurrogates}). A body
 * that fails is a JSON parse error (422). Bodies are already bounded by the size limit,
 * so they are checked whole.
 */
final class StrictUtf8 extends InputDecorator {

	private static final long serialVersionUID = 1L;

	private static final int INITIAL_BUFFER = 512;

	private static final int SCRATCH_CHARS = 1024;

	@Override
	public InputStream decorate(IOContext context, InputStream in) {
		return new CheckedInputStream(in);
	}

	@Override
	public InputStream decorate(IOContext context, byte[] data, int offset, int length) {
		return new CheckedInputStream(new ByteArrayInputStream(data, offset, length));
	}

	@Override
	public Reader decorate(IOContext context, Reader reader) {
		return new CheckedReader(reader);
	}

	/**
	 * Checks {@code length} bytes of {@code bytes} with Java's decoder, through a small
	 * scratch buffer instead of a decoded copy of the whole body.
	 */
	private static void check(byte[] bytes, int length) throws CharacterCodingException {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(bytes, 0, length);
		// At least two chars: a supplementary code point decodes to a surrogate pair.
		CharBuffer scratch = CharBuffer.allocate(Math.max(2, Math.min(length, SCRATCH_CHARS)));
		CoderResult result;
		do {
			scratch.clear();
			result = decoder.decode(in, scratch, true);
			if (result.isError()) {
				result.throwException();
			}
		}
		while (result.isOverflow());
	}

	/**
	 * NULs among the first four bytes tell UTF-16 and UTF-32 from UTF-8 (RFC 4627 §3),
	 * and Jackson decodes those itself: valid UTF-8 bytes all ({@code 00 00 DC 80} is two
	 * NULs and U+0700), they would pass the UTF-8 check, and Jackson's UTF-32 decoder
	 * passes an unpaired surrogate (U+DC80) on. UTF-8 JSON holds no raw NUL.
	 */
	private static void checkReadAsUtf8(byte[] bytes, int length) throws CharacterCodingException {
		for (int i = 0; i < Math.min(length, 4); i++) {
			if (bytes[i] == 0) {
				throw new MalformedInputException(1);
			}
		}
	}

	/**
	 * Reads a stream to its end into a buffer that starts small: a mint's body is tens of
	 * bytes, where {@link InputStream#readAllBytes} starts with 16 KiB to zero and copy.
	 */
	private static ByteArrayInputStream readAll(InputStream source) throws IOException {
		byte[] buffer = new byte[INITIAL_BUFFER];
		int length = 0;
		int read;
		while ((read = source.read(buffer, length, buffer.length - length)) != -1) {
			length += read;
			if (length == buffer.length) {
				buffer = Arrays.copyOf(buffer, buffer.length * 2);
			}
		}
		checkReadAsUtf8(buffer, length);
		check(buffer, length);
		UnpairedSurrogates.check(buffer, length);
		return new ByteArrayInputStream(buffer, 0, length);
	}

	/** Like {@link #readAll(InputStream)}, for text already decoded. */
	private static CharArrayReader readAll(Reader source) throws IOException {
		char[] buffer = new char[INITIAL_BUFFER];
		int length = 0;
		int read;
		while ((read = source.read(buffer, length, buffer.length - length)) != -1) {
			length += read;
			if (length == buffer.length) {
				buffer = Arrays.copyOf(buffer, buffer.length * 2);
			}
		}
		UnpairedSurrogates.check(buffer, length);
		return new CharArrayReader(buffer, 0, length);
	}

	/** Reads its source whole and checks it on the first read. */
	private static final class CheckedInputStream extends InputStream {

		private final InputStream source;

		private ByteArrayInputStream checked;

		CheckedInputStream(InputStream source) {
			this.source = source;
		}

		private ByteArrayInputStream checked() throws IOException {
			if (this.checked == null) {
				this.checked = readAll(this.source);
			}
			return this.checked;
		}

		@Override
		public int read() throws IOException {
			return checked().read();
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			return checked().read(buffer, offset, length);
		}

		@Override
		public void close() throws IOException {
			this.source.close();
		}

	}

	/** Reads its source whole and checks it on the first read. */
	private static final class CheckedReader extends Reader {

		private final Reader source;

		private CharArrayReader checked;

		CheckedReader(Reader source) {
			this.source = source;
		}

		private CharArrayReader checked() throws IOException {
			if (this.checked == null) {
				this.checked = readAll(this.source);
			}
			return this.checked;
		}

		@Override
		public int read() throws IOException {
			return checked().read();
		}

		@Override
		public int read(char[] buffer, int offset, int length) throws IOException {
			return checked().read(buffer, offset, length);
		}

		@Override
		public void close() throws IOException {
			this.source.close();
		}

	}

}

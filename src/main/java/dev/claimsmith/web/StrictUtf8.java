package dev.claimsmith.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import tools.jackson.core.io.IOContext;
import tools.jackson.core.io.InputDecorator;

/**
 * JSON read from bytes must be well-formed UTF-8 (RFC 8259 §8.1). Jackson's own decoder
 * accepts overlong forms ({@code C0 80} for NUL, {@code C0 AF} for '/'), which would let
 * a body smuggle characters past byte-level checks; Java's decoder refuses them, encoded
 * surrogates and code points past U+10FFFF. A body that fails is a JSON parse error
 * (422). Bodies are already bounded by the size limit, so they are checked whole.
 */
final class StrictUtf8 extends InputDecorator {

	private static final long serialVersionUID = 1L;

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
		return reader;
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
				byte[] bytes = this.source.readAllBytes();
				StandardCharsets.UTF_8.newDecoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT)
					.decode(ByteBuffer.wrap(bytes));
				this.checked = new ByteArrayInputStream(bytes);
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

}

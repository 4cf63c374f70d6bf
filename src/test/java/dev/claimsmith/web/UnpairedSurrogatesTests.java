package dev.claimsmith.web;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

import dev.claimsmith.web.UnpairedSurrogates.UnpairedSurrogateException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link UnpairedSurrogates} refuses a JSON text that escapes a surrogate outside a pair,
 * wherever the escape falls, and passes everything else on to the parser: pairs, escaped
 * backslashes that merely precede {@code u}, and malformed escapes (the parser's to
 * refuse).
 */
class UnpairedSurrogatesTests {

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "{\"k\":\"\\ud800\"}", "{\"k\":\"\\uDBFF\"}", "{\"k\":\"\\ud800x\"}",
			"{\"k\":\"\\ud800\\u0041\"}", "{\"k\":\"\\ud800\\n\"}", "{\"k\":\"\\ud800\\\\udc00\"}",
			"{\"k\":\"\\ud800\\ud800\"}", "{\"k\":\"\\ud800\\udc0\"}", "{\"k\":\"\\udc00\"}", "{\"k\":\"\\uDFFF\"}",
			"{\"k\":\"\\ude00\\ud83d\"}", "{\"k\":\"\\ud83d\\ude00\\udc00\"}", "{\"\\ud800\":1}", "[\"\\\\\\ud800\"]",
			"\"\\ud800" })
	void anUnpairedSurrogateEscapeIsRefused(String json) {
		assertThatThrownBy(() -> checkBytes(json)).isInstanceOf(UnpairedSurrogateException.class);
		assertThatThrownBy(() -> checkChars(json)).isInstanceOf(UnpairedSurrogateException.class);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "{}", "{\"k\":\"plain\"}", "{\"k\":\"\\ud83d\\ude00\"}", "{\"k\":\"\\uD83D\\uDE00\"}",
			"{\"k\":\"\\udbff\\udfff\"}", "{\"k\":\"\\\\ud800\"}", "{\"k\":\"\\\\\\\\ud800\"}",
			"{\"k\":\"\\\"\\ud7ff\\ue000\\u0000\"}", "{\"k\":\"\\u12\"}", "{\"k\":\"\\uZZZZ\"}", "{\"k\":\"\\",
			"{\"k\":\"\\u\"}", "{\"k\":\"caf\u00e9 \u20ac \uD83D\uDE00\"}" })
	void everythingElseIsLeftToTheParser(String json) {
		assertThatNoException().isThrownBy(() -> checkBytes(json));
		assertThatNoException().isThrownBy(() -> checkChars(json));
	}

	@Test
	void anUnpairedSurrogateEscapeFarIntoALongBodyIsRefused() {
		String json = "{\"k\":\"" + "\\\"".repeat(5000) + "x".repeat(70_000) + "\\udc00\"}";

		assertThatThrownBy(() -> checkBytes(json)).isInstanceOf(UnpairedSurrogateException.class)
			.hasMessageContaining("offset " + json.indexOf("\\udc00"));
	}

	@Test
	void rawSurrogatesInDecodedTextMustPairToo() {
		assertThatNoException().isThrownBy(() -> checkChars("{\"k\":\"\uD83D\uDE00\"}"));
		assertThatThrownBy(() -> checkChars("{\"k\":\"\uD800\"}")).isInstanceOf(UnpairedSurrogateException.class);
		assertThatThrownBy(() -> checkChars("{\"k\":\"\uDE00\uD83D\"}")).isInstanceOf(UnpairedSurrogateException.class);
		assertThatThrownBy(() -> checkChars("{\"k\":\"\uD83D")).isInstanceOf(UnpairedSurrogateException.class);
	}

	@Test
	void strictUtf8ChecksDecodedTextOnItsFirstRead() throws IOException {
		Reader valid = new StrictUtf8().decorate(null, new StringReader("{\"k\":\"\\ud83d\\ude00\"}"));
		Reader invalid = new StrictUtf8().decorate(null, new StringReader("{\"k\":\"\\ud800\"}"));

		char[] buffer = new char[64];
		assertThat(new String(buffer, 0, valid.read(buffer))).isEqualTo("{\"k\":\"\\ud83d\\ude00\"}");
		assertThatThrownBy(invalid::read).isInstanceOf(UnpairedSurrogateException.class);
	}

	private static void checkBytes(String json) throws UnpairedSurrogateException {
		byte[] bytes = (json + "padding").getBytes(StandardCharsets.UTF_8);
		UnpairedSurrogates.check(bytes, bytes.length - "padding".length());
	}

	private static void checkChars(String json) throws UnpairedSurrogateException {
		char[] chars = (json + "padding").toCharArray();
		UnpairedSurrogates.check(chars, chars.length - "padding".length());
	}

}

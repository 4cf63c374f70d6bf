package dev.claimsmith.template;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

/**
 * The first compile step for template text: each unquoted {@code {{ expr }}} becomes a
 * JSON string marker, so the text parses as plain JSON and the parser tells us where
 * every typed tag sits. Markers start with a control character and a random nonce, so no
 * string the author wrote can be mistaken for one.
 *
 * @param json the template with markers in place of unquoted tags
 * @param prefix what every marker starts with
 * @param tags the inside of each unquoted tag, by marker number; a tag without its
 * {@code }}} holds {@code null}
 */
record TypedTags(String json, String prefix, List<String> tags) {

	private static final SecureRandom RANDOM = new SecureRandom();

	static TypedTags of(String template) {
		String nonce = HexFormat.of().formatHex(randomBytes());
		String prefix = "\u0001typed:" + nonce + ":";
		StringBuilder json = new StringBuilder(template.length());
		List<String> tags = new ArrayList<>();
		boolean inString = false;
		int i = 0;
		while (i < template.length()) {
			char c = template.charAt(i);
			if (inString) {
				json.append(c);
				if (c == '\\' && i + 1 < template.length()) {
					json.append(template.charAt(i + 1));
					i++;
				}
				else if (c == '"') {
					inString = false;
				}
				i++;
				continue;
			}
			if (c == '"') {
				inString = true;
			}
			else if (template.startsWith("{{", i)) {
				int close = template.indexOf("}}", i + 2);
				if (close < 0) {
					// Consume to the end of the value, so the JSON still parses and the
					// error
					// lands on the right claim.
					tags.add(null);
					i = endOfValue(template, i);
				}
				else {
					boolean triple = template.startsWith("{{{", i) && template.startsWith("}}}", close);
					tags.add(template.substring(i + 2, close + (triple ? 1 : 0)));
					i = close + (triple ? 3 : 2);
				}
				json.append("\"\\u0001typed:").append(nonce).append(':').append(tags.size() - 1).append('"');
				continue;
			}
			json.append(c);
			i++;
		}
		// Not List.copyOf: a tag without its closing braces is recorded as null.
		return new TypedTags(json.toString(), prefix, Collections.unmodifiableList(tags));
	}

	/** The tag's text if {@code value} is one of our markers, else null. */
	boolean isMarker(String value) {
		return value.startsWith(this.prefix);
	}

	int index(String marker) {
		return Integer.parseInt(marker.substring(this.prefix.length()));
	}

	private static int endOfValue(String template, int from) {
		int i = from;
		while (i < template.length() && ",}]\n".indexOf(template.charAt(i)) < 0) {
			i++;
		}
		return i;
	}

	private static byte[] randomBytes() {
		byte[] bytes = new byte[12];
		RANDOM.nextBytes(bytes);
		return bytes;
	}

}

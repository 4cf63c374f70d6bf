package dev.claimsmith.template;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The UTF-8 size of a value written as compact JSON, computed by walking the tree instead
 * of serializing it a second time. Mirrors Jackson's default output: {@code "} and a
 * backslash escaped, control characters as short escapes or a six-character unicode
 * escape, everything else as UTF-8.
 */
final class JsonSize {

	private JsonSize() {
	}

	static long of(Object value) {
		if (value == null) {
			return 4;
		}
		if (value instanceof String text) {
			return string(text);
		}
		if (value instanceof Map<?, ?> map) {
			long size = 2 + Math.max(0, map.size() - 1);
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				size += string((String) entry.getKey()) + 1 + of(entry.getValue());
			}
			return size;
		}
		if (value instanceof List<?> list) {
			long size = 2 + Math.max(0, list.size() - 1);
			for (Object item : list) {
				size += of(item);
			}
			return size;
		}
		if (value instanceof BigDecimal decimal) {
			return decimal.toString().length();
		}
		return String.valueOf(value).length();
	}

	private static long string(String text) {
		long size = 2;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"' || c == '\\') {
				size += 2;
			}
			else if (c < 0x20) {
				size += (c == '\b' || c == '\t' || c == '\n' || c == '\f' || c == '\r') ? 2 : 6;
			}
			else if (c < 0x80) {
				size += 1;
			}
			else if (c < 0x800) {
				size += 2;
			}
			else if (Character.isHighSurrogate(c) && i + 1 < text.length()
					&& Character.isLowSurrogate(text.charAt(i + 1))) {
				size += 4;
				i++;
			}
			else {
				size += 3;
			}
		}
		return size;
	}

}

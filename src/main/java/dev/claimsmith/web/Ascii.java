package dev.claimsmith.web;

/** The contract's "printable ASCII": characters 0x20 (space) to 0x7E ({@code ~}). */
public final class Ascii {

	private Ascii() {
	}

	public static boolean isPrintable(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x20 || c > 0x7E) {
				return false;
			}
		}
		return true;
	}

}

package dev.claimsmith.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.claimsmith.ApiClient.Response;

/**
 * HTTP/1.1 over a plain socket, for requests {@code java.net.http} refuses to send
 * (malformed URLs and header lines) or frames differently (chunked form bodies). Sends
 * {@code Connection: close} and reads the whole answer.
 */
final class RawHttp {

	private final int port;

	RawHttp(int port) {
		this.port = port;
	}

	/** Sends the request head (without the blank line) and the body, if any. */
	Response send(String head, byte[] body) throws IOException {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write((head + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
			if (body != null) {
				try {
					out.write(body);
				}
				catch (IOException ex) {
					// The server answered and closed before reading it all: read the
					// answer.
				}
			}
			out.flush();
			return parse(socket.getInputStream().readAllBytes());
		}
	}

	Response get(String target, String headers) throws IOException {
		return send("GET " + target + " HTTP/1.1\r\nHost: localhost\r\n" + headers, null);
	}

	/** A chunked body in chunks of 8 KiB. */
	static byte[] chunked(byte[] body) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (int offset = 0; offset < body.length; offset += 8192) {
			int length = Math.min(8192, body.length - offset);
			out.writeBytes((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
			out.write(body, offset, length);
			out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
		}
		out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
		return out.toByteArray();
	}

	private static Response parse(byte[] raw) {
		String text = new String(raw, StandardCharsets.ISO_8859_1);
		int end = text.indexOf("\r\n\r\n");
		if (end < 0) {
			throw new IllegalStateException("No HTTP answer: " + text);
		}
		String[] lines = text.substring(0, end).split("\r\n");
		int status = Integer.parseInt(lines[0].split(" ")[1]);
		Map<String, List<String>> headers = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			headers.computeIfAbsent(lines[i].substring(0, colon).trim(), (name) -> new ArrayList<>())
				.add(lines[i].substring(colon + 1).trim());
		}
		String body = text.substring(end + 4);
		boolean chunked = headers.entrySet()
			.stream()
			.anyMatch((h) -> h.getKey().equalsIgnoreCase("Transfer-Encoding") && h.getValue().contains("chunked"));
		return new Response(status, headers, chunked ? dechunk(body) : body);
	}

	private static String dechunk(String body) {
		StringBuilder out = new StringBuilder();
		int at = 0;
		while (true) {
			int lineEnd = body.indexOf("\r\n", at);
			int size = Integer.parseInt(body.substring(at, lineEnd).trim(), 16);
			if (size == 0) {
				return new String(out.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
			}
			out.append(body, lineEnd + 2, lineEnd + 2 + size);
			at = lineEnd + 2 + size + 2;
		}
	}

}

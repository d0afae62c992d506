package org.kamaelia4j.components.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Parsing and writing of HTTP/1.1 message heads, shared by the server and the client. */
final class HttpMessages {

    static final byte[] HEAD_END = {'\r', '\n', '\r', '\n'};

    private HttpMessages() {
    }

    /**
     * The header lines (after the start line) of a head, names lower-cased, repeats joined; null
     * when a line is not {@code name: value} with a token name.
     */
    static Map<String, String> headers(String[] lines) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            int colon = line.indexOf(':');
            if (colon <= 0 || !isToken(line.substring(0, colon))) {
                return null;
            }
            String name = line.substring(0, colon).toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            headers.merge(name, value, (a, b) -> a + ", " + b);
        }
        return headers;
    }

    /** The lines of a head (without the blank line that ends it). */
    static String[] lines(byte[] head) {
        return new String(head, StandardCharsets.ISO_8859_1).split("\r\n", -1);
    }

    /** True for an RFC 9110 token. */
    static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= 32 || c >= 127 || "\"(),/:;<=>?@[\\]{}".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    /** A Content-Length value as a number, or -1 when it is not one. */
    static long contentLength(String value) {
        if (value == null || value.isEmpty() || value.length() > 18 || !value.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        return Long.parseLong(value);
    }

    /** A whole message: start line, headers, content-length, blank line, body. */
    static byte[] write(String startLine, Map<String, String> headers, byte[] body) {
        StringBuilder head = new StringBuilder(startLine).append("\r\n");
        headers.forEach((name, value) -> {
            if (!name.equals("content-length")) {
                head.append(name).append(": ").append(value).append("\r\n");
            }
        });
        head.append("content-length: ").append(body.length).append("\r\n\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream(head.length() + body.length);
        out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(body);
        return out.toByteArray();
    }
}

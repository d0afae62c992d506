package org.kamaelia4j.components.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP response: what a handler of {@link HttpServer} returns and what {@link HttpClient}
 * gives back.
 *
 * <pre>{@code
 * HttpResponse ok = HttpResponse.text(200, "hello\n");
 * HttpResponse png = new HttpResponse(200, Map.of("content-type", "image/png"), bytes);
 * }</pre>
 *
 * @param status  the status code, 100-599
 * @param headers header names in lower case; the server sets {@code content-length} and
 *                {@code connection} itself
 * @param body    the body
 */
public record HttpResponse(int status, Map<String, String> headers, byte[] body) {

    /** Checks the status and copies the header map. */
    public HttpResponse {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("HttpResponse: the status must be 100-599, got " + status);
        }
        headers = Map.copyOf(headers);
    }

    /** A {@code text/plain; charset=utf-8} response. */
    public static HttpResponse text(int status, String body) {
        return new HttpResponse(status, Map.of("content-type", "text/plain; charset=utf-8"),
                body.getBytes(StandardCharsets.UTF_8));
    }

    /** The body decoded as UTF-8. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** A header's value (name in any case), or null. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** The standard reason phrase for a status, or "Status". */
    static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 201 -> "Created";
            case 204 -> "No Content";
            case 301 -> "Moved Permanently";
            case 302 -> "Found";
            case 304 -> "Not Modified";
            case 400 -> "Bad Request";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 408 -> "Request Timeout";
            case 413 -> "Content Too Large";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 503 -> "Service Unavailable";
            default -> "Status";
        };
    }
}

package org.kamaelia4j.components.protocol;

import java.util.Locale;
import java.util.Map;

/**
 * One HTTP request as {@link HttpServer} hands it to a handler, and as {@link HttpClient} sends it.
 *
 * <pre>{@code
 * HttpResponse hello(HttpRequest r) {
 *     return HttpResponse.text(200, "hello " + r.header("user-agent"));
 * }
 * }</pre>
 *
 * @param method  e.g. {@code GET}
 * @param target  the request target as sent: path and query, e.g. {@code /search?q=x}
 * @param headers header names in lower case; repeated headers joined with {@code ", "}
 * @param body    the body ({@code Content-Length} bytes), empty when there is none
 */
public record HttpRequest(String method, String target, Map<String, String> headers, byte[] body) {

    /** Copies the header map. */
    public HttpRequest {
        headers = Map.copyOf(headers);
    }

    /** The path, without the query. */
    public String path() {
        int q = target.indexOf('?');
        return q < 0 ? target : target.substring(0, q);
    }

    /** A header's value (name in any case), or null. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }
}

package org.kamaelia4j.components.protocol;

import java.util.function.Function;
import java.util.function.Supplier;

import org.kamaelia4j.axon.Component;

/**
 * One entry of an {@link HttpServer}'s routing table: a path prefix and either a function or a
 * factory of request handler components. Exactly one of the two is set.
 */
record HttpRoute(String prefix, Function<HttpRequest, HttpResponse> function,
        Supplier<? extends Component> component) {

    HttpRoute {
        if (prefix == null || !prefix.startsWith("/")) {
            throw new IllegalArgumentException("HttpServer: a route prefix must start with '/', got '" + prefix + "'");
        }
        if ((function == null) == (component == null)) {
            throw new IllegalArgumentException("HttpServer: route '" + prefix
                    + "' needs exactly one of a handler function and a handler component factory");
        }
    }

    boolean matches(String path) {
        return path.startsWith(prefix);
    }
}

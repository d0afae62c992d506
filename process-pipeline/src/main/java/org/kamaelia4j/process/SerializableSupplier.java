package org.kamaelia4j.process;

import java.io.Serializable;
import java.util.function.Supplier;

/**
 * A {@link Supplier} that can be serialized, so that it can be shipped to a stage JVM and called
 * there to build the stage's component.
 *
 * <pre>{@code
 * SerializableSupplier<Component> factory = () -> new Doubler();   // a serializable lambda
 * Stage stage = Stage.of(factory);
 * }</pre>
 *
 * <p>A lambda whose target type is this interface is serializable as long as everything it
 * captures is; its class must be on the class path of the stage JVM (the parent's class path,
 * which is what stage JVMs are given).
 *
 * @param <T> what it supplies
 */
@FunctionalInterface
public interface SerializableSupplier<T> extends Supplier<T>, Serializable {
}

package org.kamaelia4j.process;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.kamaelia4j.axon.Component;

/**
 * One top-level component of a {@link ProcessPipeline} or {@link ProcessGraphline}, with how to
 * run its JVM: the factory that builds the component, a name, extra JVM options and a restart
 * policy.
 *
 * <pre>{@code
 * Stage parse = Stage.of(() -> new Parser())
 *         .named("parse")
 *         .jvmOptions("-Xmx128m")
 *         .restart(RestartPolicy.upTo(2));
 * }</pre>
 *
 * <p>A stage is an immutable value: each option returns a new stage. The factory is serialized
 * and shipped to the stage JVM, which calls it to build the component there; the parent calls it
 * once as well, to learn the component's boxes and check links against them. A stage without a
 * name is named after its position ({@code stage0}, {@code stage1}, ...) in a ProcessPipeline.
 */
public final class Stage implements Serializable {

    private final SerializableSupplier<? extends Component> factory;
    private final String name;
    private final List<String> jvmOptions;
    private final RestartPolicy restartPolicy;

    private Stage(SerializableSupplier<? extends Component> factory, String name, List<String> jvmOptions,
            RestartPolicy restartPolicy) {
        this.factory = factory;
        this.name = name;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.restartPolicy = restartPolicy;
    }

    /** A stage whose component {@code factory} builds, with no name, no JVM options and no restarts. */
    public static Stage of(SerializableSupplier<? extends Component> factory) {
        return new Stage(Objects.requireNonNull(factory, "a Stage needs a component factory"), null, List.of(),
                RestartPolicy.never());
    }

    /** This stage with a name (letters, digits, '-' and '_'), used in logs, errors and file names. */
    public Stage named(String stageName) {
        if (stageName == null || !stageName.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("a stage name is letters, digits, '-' and '_', got "
                    + (stageName == null ? "null" : "'" + stageName + "'"));
        }
        return new Stage(factory, stageName, jvmOptions, restartPolicy);
    }

    /** This stage with more options for its JVM, such as {@code -Xmx64m}, added after any already given. */
    public Stage jvmOptions(String... options) {
        List<String> all = new ArrayList<>(jvmOptions);
        for (String option : options) {
            all.add(Objects.requireNonNull(option, "a JVM option must be non-null"));
        }
        return new Stage(factory, name, all, restartPolicy);
    }

    /** This stage with a restart policy. */
    public Stage restart(RestartPolicy policy) {
        return new Stage(factory, name, jvmOptions, Objects.requireNonNull(policy, "policy"));
    }

    /** The name, or null when none was given. */
    public String name() {
        return name;
    }

    /** The extra JVM options. */
    public List<String> jvmOptions() {
        return jvmOptions;
    }

    /** The restart policy. */
    public RestartPolicy restartPolicy() {
        return restartPolicy;
    }

    /** Builds a new component; called in the stage JVM (and once in the parent to learn the boxes). */
    public Component newComponent() {
        Component c = factory.get();
        if (c == null) {
            throw new IllegalStateException("the factory of stage '" + name + "' returned null; it must build a"
                    + " Component");
        }
        return c;
    }

    @Override
    public String toString() {
        return "Stage[" + (name == null ? "unnamed" : name) + ", jvmOptions=" + jvmOptions + ", " + restartPolicy
                + "]";
    }
}

package org.kamaelia4j.examples;

import java.io.Serializable;

/**
 * One piece of a job that a {@link Farm} hands to one of its {@link FarmWorker}s: it knows its
 * position in the job and how to compute its own result.
 *
 * <pre>{@code
 * record Square(int index, long n) implements FarmTask<Long> {
 *     public Long compute() {
 *         return n * n;
 *     }
 * }
 * }</pre>
 *
 * <p>Worker {@code index % workers} computes the task. Tasks and their results travel between
 * JVMs when the farm is a {@code ProcessPipeline}, so both should be records of numbers, strings
 * and byte arrays (which the links encode without Java serialization); the result should carry
 * the index too, since results arrive in no particular order.
 *
 * @param <R> the type of the result
 */
public interface FarmTask<R> extends Serializable {

    /** The task's position in its job, from 0. */
    int index();

    /** Computes the result; called once, by the worker that owns the task. */
    R compute();
}

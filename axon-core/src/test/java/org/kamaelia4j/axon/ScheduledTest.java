package org.kamaelia4j.axon;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The base of tests that run components on schedulers they create: {@link #scheduler(int)} makes
 * one that is stopped after the test, {@code schedulers()} feeds parameterized tests one and
 * three workers, and {@link #runUntil} runs a scheduler in short stages until a condition holds.
 */
abstract class ScheduledTest {

    /** One scheduler stage of {@link #runUntil}. */
    static final Duration STAGE = Duration.ofMillis(20);
    /** Long enough for anything runnable to have run, short enough to repeat. */
    static final Duration A_WHILE = Duration.ofMillis(100);
    /** A bound for runs that must finish; only a hang guard. */
    static final Duration ENOUGH = Duration.ofSeconds(8);

    private final List<Scheduler> schedulers = new ArrayList<>();

    static Stream<Arguments> schedulers() {
        return Stream.of(arguments(named("1 worker", 1)), arguments(named("3 workers", 3)));
    }

    /** A new scheduler with {@code workers} workers, stopped after the test. */
    Scheduler scheduler(int workers) {
        Scheduler s = Scheduler.create(workers);
        schedulers.add(s);
        return s;
    }

    /** A new scheduler already running in the background (as {@link Handle} needs). */
    Scheduler running(int workers) {
        Scheduler s = scheduler(workers);
        s.startInBackground();
        return s;
    }

    @AfterEach
    @Timeout(value = 5, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void stopSchedulers() {
        schedulers.forEach(Scheduler::stop);
    }

    /** Runs {@code s} in short stages until {@code cond} holds (bounded by the test timeout). */
    static void runUntil(Scheduler s, BooleanSupplier cond) {
        while (!cond.getAsBoolean()) {
            if (s.run(STAGE) && !cond.getAsBoolean()) {
                fail("every microprocess finished before the awaited condition held");
            }
        }
    }
}

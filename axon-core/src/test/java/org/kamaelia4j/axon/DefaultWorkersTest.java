package org.kamaelia4j.axon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The default scheduler's worker count: {@code kamaelia4j.workers}, else one per processor. */
class DefaultWorkersTest {

    private final String before = System.getProperty("kamaelia4j.workers");

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty("kamaelia4j.workers");
        } else {
            System.setProperty("kamaelia4j.workers", before);
        }
    }

    @Test
    void oneWorkerPerProcessorUnlessThePropertySaysOtherwise() {
        System.clearProperty("kamaelia4j.workers");
        assertEquals(Runtime.getRuntime().availableProcessors(), Scheduler.defaultWorkerCount());
        System.setProperty("kamaelia4j.workers", "1");
        assertEquals(1, Scheduler.defaultWorkerCount());
    }
}

package org.kamaelia4j.process;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Stage JVMs alive at once report under distinct ids; a released id is taken again. */
class ReportingIdsTest {

    @Test
    void aSecondStageOfTheSameNameGetsASuffixAndAFreedIdIsReused() {
        String name = "reporting-ids-test";
        String first = ReportingIds.claim(name);
        String second = ReportingIds.claim(name);
        String third = ReportingIds.claim(name);
        try {
            assertEquals(name, first);
            assertEquals(name + "-2", second);
            assertEquals(name + "-3", third);
            ReportingIds.release(second);
            String again = ReportingIds.claim(name);
            assertEquals(name + "-2", again, "the lowest free suffix");
            ReportingIds.release(again);
        } finally {
            ReportingIds.release(first);
            ReportingIds.release(third);
        }
        assertEquals(name, ReportingIds.claim(name));
        ReportingIds.release(name);
    }
}

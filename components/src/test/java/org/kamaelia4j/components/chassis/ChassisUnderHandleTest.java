package org.kamaelia4j.components.chassis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Handle;
import org.kamaelia4j.axon.Scheduler;
import org.kamaelia4j.components.util.PureTransformer;

/**
 * Chassis components that wire private outboxes to their children after activation can be driven
 * through a {@link Handle}: it leaves their {@code _} boxes to them.
 */
@Timeout(60)
class ChassisUnderHandleTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final Scheduler scheduler = Scheduler.create(2);

    @AfterEach
    void stop() {
        scheduler.stop();
    }

    private static Component doubler() {
        return new PureTransformer<Integer, Integer>(x -> 2 * x);
    }

    private Handle drive(Component c) {
        scheduler.startInBackground();
        return Handle.activate(c, scheduler);
    }

    @Test
    void supervisor() {
        Handle h = drive(Supervisor.builder().child("w", ChassisUnderHandleTest::doubler).build());
        h.put(21);
        assertEquals(42, (Integer) h.get(WAIT));
    }

    @Test
    void seq() {
        Handle h = drive(new Seq(doubler()));
        h.put(4);
        assertEquals(8, (Integer) h.get(WAIT));
    }

    @Test
    void par() {
        Handle h = drive(new Par(doubler(), new PureTransformer<Integer, Integer>(x -> x + 1)));
        h.put(10);
        Set<Integer> got = new HashSet<>();
        got.add(h.get(WAIT));
        got.add(h.get(WAIT));
        assertEquals(Set.of(20, 11), got);
    }

    @Test
    void carousel() {
        Handle h = drive(new Carousel(m -> doubler()));
        h.put("go", "next");
        h.put(5);
        assertEquals(10, (Integer) h.get(WAIT));
    }
}

package org.kamaelia4j.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.kamaelia4j.axon.Instrumentation;
import org.kamaelia4j.axon.Scheduler;

@Timeout(60)
class AutoStarterTest {

    @Test
    void isFoundByTheServiceLoader() {
        assertEquals(AutoStarter.class, ServiceLoader.load(Instrumentation.Starter.class).findFirst()
                .orElseThrow().getClass());
    }

    @Test
    void servesTheFirstSchedulerWhenThePropertyIsSet() throws Exception {
        Scheduler s = Scheduler.create(1);
        System.setProperty("kamaelia4j.introspect", "0");
        System.setProperty("kamaelia4j.introspect.control", "true");
        try {
            new AutoStarter().schedulerStarted(s);
            IntrospectionServer server = Introspection.current();
            assertNotNull(server);
            assertSame(s, Introspection.scheduler());
            try {
                Http.Answer a = Http.get("http://127.0.0.1:" + server.port() + "/api/snapshot?token=" + server.token());
                assertEquals(true, a.json().get("control"));
                assertEquals(false, a.json().get("repl"));
            } finally {
                server.close();
            }
        } finally {
            System.clearProperty("kamaelia4j.introspect");
            System.clearProperty("kamaelia4j.introspect.control");
        }
    }

    @Test
    void badPortPropertiesAreNamed() {
        System.setProperty("kamaelia4j.introspect", "eighty");
        try {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, Options::fromSystemProperties);
            assertEquals(true, e.getMessage().contains("kamaelia4j.introspect"));
        } finally {
            System.clearProperty("kamaelia4j.introspect");
        }
        assertThrows(IllegalArgumentException.class, () -> Options.defaults().port(70000));
    }
}

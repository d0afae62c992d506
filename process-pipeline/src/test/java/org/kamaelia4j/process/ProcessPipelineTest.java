package org.kamaelia4j.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kamaelia4j.axon.Pipeline;
import org.kamaelia4j.axon.Scheduler;
import org.kamaelia4j.axon.ipc.ProducerFinished;
import org.kamaelia4j.components.util.Collector;
import org.kamaelia4j.components.util.DataSource;

class ProcessPipelineTest {

    static final String[] SMALL_JVM = {"-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto"};

    static List<Object> range(int from, int to) {
        return IntStream.rangeClosed(from, to).boxed().map(i -> (Object) i).toList();
    }

    @ParameterizedTest(name = "{0} worker(s)")
    @ValueSource(ints = {1, 3})
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void twoStagesCarryEveryMessageInOrderAndFinish(int workers) {
        ProcessPipeline pp = ProcessPipeline.of(
                Stage.of(Doubler::new).jvmOptions(SMALL_JVM),
                Stage.of(Doubler::new).jvmOptions(SMALL_JVM));
        Collector out = new Collector();
        Scheduler s = Scheduler.create(workers);
        new Pipeline(new DataSource(range(1, 500)), pp, out).activate(s);
        s.run();
        assertEquals(range(1, 500).stream().map(i -> (Object) (4 * (Integer) i)).toList(), out.collected());
        assertInstanceOf(ProducerFinished.class, out.shutdownMessage());
        assertNotNull(pp.runDirectory());
        assertFalse(Files.exists(pp.runDirectory()), "run directory removed after a clean finish");
    }
}

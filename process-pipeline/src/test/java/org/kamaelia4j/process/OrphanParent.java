package org.kamaelia4j.process;

import org.kamaelia4j.axon.Scheduler;
import org.kamaelia4j.process.TestComponents.Doubler;

/**
 * A parent JVM for {@link ParentDeathTest}: starts a two-stage ProcessPipeline that waits for input
 * forever, prints {@code STAGES <run directory> <pid> <pid>} and waits to be killed.
 */
final class OrphanParent {

    private OrphanParent() {
    }

    public static void main(String[] args) throws InterruptedException {
        String[] jvm = ProcessPipelineTest.SMALL_JVM;
        ProcessPipeline pp = ProcessPipeline.of(Stage.of(Doubler::new).named("a").jvmOptions(jvm),
                Stage.of(Doubler::new).named("b").jvmOptions(jvm));
        Scheduler scheduler = Scheduler.create(1);
        pp.activate(scheduler);
        Thread running = Thread.ofPlatform().start(scheduler::run);
        while (pp.stageProcess("a").isEmpty() || pp.stageProcess("b").isEmpty()) {
            Thread.sleep(10);
        }
        System.out.println("STAGES " + pp.runDirectory() + " " + pp.stageProcess("a").orElseThrow().pid() + " "
                + pp.stageProcess("b").orElseThrow().pid());
        System.out.flush();
        running.join();
    }
}

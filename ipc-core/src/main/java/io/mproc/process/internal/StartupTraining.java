package io.mproc.process.internal;

import io.mproc.memory.Region;
import io.mproc.memory.RegionNamespace;
import io.mproc.process.SerializableCallable;
import java.io.IOException;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.Map;

/**
 * The training run behind mproc's startup cache: a JVM started with
 * {@code -XX:AOTCacheOutput=...} runs this main, which walks a child's whole path once (attach
 * the control region, read the spec, run a lambda target, write the outcome, wait on and signal
 * the futex, read the outcome back), so that the classes, linkage and profiles of that path go
 * into the cache. Argument: the region root to use, a private directory that is removed after.
 */
public final class StartupTraining {
    private StartupTraining() {
    }

    public static void main(String[] args) throws IOException, ClassNotFoundException, InterruptedException {
        try (RegionNamespace namespace = RegionNamespace.open(Path.of(args[0]), "training")) {
            String id = "t1";
            ControlBlock control = ControlBlock.create(namespace, id);
            SerializableCallable<Long> target = System::nanoTime;
            byte[] spec = SerialCodec.write(LaunchSpec.of("Training", new int[] {1}, false, ProcessContext.MAIN_NAME,
                ProcessTarget.function(ProcessTarget.Kind.CALLABLE, target), Map.of()));
            Region specRegion = namespace.create(LaunchSpec.regionName(id), LaunchSpec.KIND,
                SpecLayout.STANDBY_CAPACITY, null);
            ControlBlock attached = ControlBlock.attach(namespace, id);
            Thread standby = Thread.ofPlatform().name("training-standby").start(() -> {
                try {
                    ChildMain.serve(namespace, id, attached, control.parent(), true);
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                }
            });
            while (control.state() != ControlLayout.STATE_STANDBY) {
                Thread.onSpinWait();
            }
            SpecLayout.write(specRegion.body(), spec);
            control.publishSpecWord(ControlLayout.SPEC_PUBLISHED);
            standby.join();
            Region out = namespace.attach(Outcome.regionName(id), Outcome.KIND);
            Outcome outcome = (Outcome) SerialCodec.read(out.body().toArray(ValueLayout.JAVA_BYTE));
            SerialCodec.read(outcome.value());
            control.exitRecord();
            Rehearsal.run(specRegion.body());
            namespace.release(out);
            out.unlink();
            namespace.release(specRegion);
            namespace.release(control.region());
        }
    }
}

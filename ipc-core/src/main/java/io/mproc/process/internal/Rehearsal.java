package io.mproc.process.internal;

import io.mproc.process.SerializableCallable;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.util.Map;

/**
 * A dry run of what a child does with a spec, on made-up data and without touching regions:
 * deserialise a spec with a lambda target, run it, serialise its value and a failure report.
 * A standby JVM rehearses while it waits, so that the real hand-over finds the classes loaded
 * and linked and the lambda machinery initialised; the startup cache's
 * training run rehearses so that those classes land in the cache.
 */
final class Rehearsal {
    private Rehearsal() {
    }

    /** Rehearses; {@code emptySpec} is the standby's spec region body, still empty: read it as a spec would be. */
    static void run(MemorySegment emptySpec) {
        try {
            SpecLayout.read(emptySpec);
            SerializableCallable<Long> target = System::nanoTime;
            LaunchSpec spec = LaunchSpec.of("Rehearsal", new int[] {0}, false, ProcessContext.MAIN_NAME,
                ProcessTarget.function(ProcessTarget.Kind.CALLABLE, target, 1, "argument"), Map.of());
            LaunchSpec read = (LaunchSpec) SerialCodec.read(SerialCodec.write(spec));
            Object value = read.target().invoke();
            Outcome outcome = new Outcome(SerialCodec.write(value), FailureReport.of(
                new IllegalStateException("rehearsal", new IOException("cause"))));
            Outcome back = (Outcome) SerialCodec.read(SerialCodec.write(outcome));
            SerialCodec.read(back.value());
            back.failure().recreate();
        } catch (Exception | LinkageError failed) {
            // Only a warm-up: the real run reports whatever goes wrong.
        }
    }
}

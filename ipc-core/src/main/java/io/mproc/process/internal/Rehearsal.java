package io.mproc.process.internal;

import io.mproc.process.FailureReport;
import io.mproc.process.ProcessSerialization;
import io.mproc.process.SerializableBiConsumer;
import io.mproc.process.SerializableCallable;
import io.mproc.process.SerializableFunction;
import io.mproc.process.SerializableRunnable;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.Map;

/**
 * A dry run of what a child does with a spec, on made-up data and without touching regions:
 * decode compact specs of the common shapes of target (lambdas with and without captured
 * values and arguments, a method reference, a static method) and call them as
 * {@link LambdaCall} does; deserialise a Java-serialised spec with a lambda target and run it;
 * serialise a value and a failure report. A standby JVM rehearses while it waits, so that the
 * real hand-over finds the classes loaded and linked and the reflection and lambda machinery
 * spun; the startup cache's training run rehearses so that those classes land in the cache.
 */
final class Rehearsal {
    private Rehearsal() {
    }

    /** Enough calls for the JIT's first tier (it compiles a method after about 200). */
    private static final int JIT_ROUNDS = 300;

    /** Rehearses; {@code emptySpec} is the standby's spec region body, still empty: read it as a spec would be. */
    static void run(MemorySegment emptySpec) {
        try {
            SpecLayout.read(emptySpec);
            String captured = "rehearsal";
            rehearse(ProcessTarget.function(ProcessTarget.Kind.RUNNABLE, (SerializableRunnable) () -> { }));
            rehearse(ProcessTarget.function(ProcessTarget.Kind.CALLABLE, (SerializableCallable<Long>) System::nanoTime));
            rehearse(ProcessTarget.function(ProcessTarget.Kind.CALLABLE, (SerializableCallable<String>) () -> captured));
            rehearse(ProcessTarget.function(ProcessTarget.Kind.FUNCTION,
                (SerializableFunction<Integer, String>) number -> captured + number, 1));
            rehearse(ProcessTarget.function(ProcessTarget.Kind.BI_CONSUMER,
                (SerializableBiConsumer<String, Long>) (text, number) -> { }, "argument", 2L));
            // Captured values and arguments of primitive types: their conversions spin method
            // handle classes the first time, milliseconds each, which a hand-over then finds done.
            int number = 4;
            long big = 5L;
            double fraction = 0.5;
            boolean flag = true;
            rehearse(ProcessTarget.function(ProcessTarget.Kind.CALLABLE, (SerializableCallable<Integer>) () -> number));
            rehearse(ProcessTarget.function(ProcessTarget.Kind.CALLABLE, (SerializableCallable<Long>) () -> big));
            rehearse(ProcessTarget.function(ProcessTarget.Kind.CALLABLE, (SerializableCallable<Double>) () -> fraction));
            rehearse(ProcessTarget.function(ProcessTarget.Kind.CALLABLE, (SerializableCallable<Boolean>) () -> flag));
            rehearse(ProcessTarget.function(ProcessTarget.Kind.CALLABLE,
                (SerializableCallable<String>) () -> captured + number));
            rehearse(ProcessTarget.function(ProcessTarget.Kind.RUNNABLE, (SerializableRunnable) () -> consume(number)));
            rehearse(ProcessTarget.function(ProcessTarget.Kind.FUNCTION, (SerializableFunction<Integer, Integer>) Math::abs,
                -6));
            rehearse(ProcessTarget.staticMethod(Rehearsal.class, "staticTarget", 3));
            compileHandOverPath(ProcessTarget.function(ProcessTarget.Kind.FUNCTION,
                (SerializableFunction<Integer, String>) value -> captured + value + number, 7));
            // A spec that needs Java serialisation: a list among the arguments.
            SerializableFunction<List<Integer>, Integer> sum = list -> list.size() + captured.length();
            LaunchSpec spec = spec(ProcessTarget.function(ProcessTarget.Kind.FUNCTION, sum, List.of(1, 2)));
            Object value = ChildMain.decode(ProcessSerialization.write(spec)).target().invoke();
            Outcome.read(Outcome.ofValue(value)).readValue();
            Outcome.read(Outcome.ofValue(List.of(value))).readValue();
            Outcome failed = new Outcome(null, FailureReport.of(
                new IllegalStateException("rehearsal", new IOException("cause"))));
            Outcome.read(ProcessSerialization.write(failed)).failure().recreate();
        } catch (Throwable failed) {
            // Only a warm-up: the real run reports whatever goes wrong.
        }
    }

    private static void rehearse(ProcessTarget target) throws Throwable {
        ChildMain.decode(SpecCodec.encode(spec(target))).target().invoke();
    }

    /**
     * Runs the hand-over's path {@value #JIT_ROUNDS} times on one spec, so that the JIT has
     * compiled it when the real spec comes (a few milliseconds while the standby boots; half a
     * millisecond or more off each hand-over, whose code otherwise runs interpreted).
     */
    private static void compileHandOverPath(ProcessTarget target) throws Throwable {
        byte[] encoded = SpecCodec.encode(spec(target));
        for (int i = 0; i < JIT_ROUNDS; i++) {
            ChildMain.decode(encoded).target().invoke();
        }
    }

    private static LaunchSpec spec(ProcessTarget target) {
        return LaunchSpec.of("Rehearsal", new int[] {0}, false, ProcessContext.MAIN_NAME, target, Map.of());
    }

    private static void consume(int number) {
        if (number == Integer.MIN_VALUE) {
            throw new IllegalStateException("unreachable");
        }
    }

    /** The static method target of the rehearsal. */
    static int staticTarget(int number) {
        return number + 1;
    }
}

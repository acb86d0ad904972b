package io.mproc.bench.start;

import io.mproc.process.JvmProcess;
import io.mproc.process.JvmProcessBuilder;
import io.mproc.process.LaunchSettings;
import io.mproc.process.SerializableCallable;
import io.mproc.process.StandbyJvms;

/**
 * One timed start of an mproc child: the target is a lambda of this class, as a user's would
 * be one of theirs (so the child deserialises it through this class's
 * {@code $deserializeLambda$}), whose first statement reads {@link System#nanoTime()} and
 * returns it. On Linux that clock is {@code CLOCK_MONOTONIC}, the same in every process, so the
 * parent subtracts the time it read just before {@code start()}.
 */
final class StartProbe {
    private StartProbe() {
    }

    /** Nanoseconds from {@code start()} (building the process included) to the target running, cold. */
    static long cold(LaunchSettings settings) throws Exception {
        return time(JvmProcess.call(target()).settings(settings));
    }

    /** The same, handed to a JVM of {@code pool}. */
    static long warm(StandbyJvms pool) throws Exception {
        return time(JvmProcess.call(target()).standby(pool));
    }

    private static long time(JvmProcessBuilder<Long> builder) throws Exception {
        long before = System.nanoTime();
        try (JvmProcess<Long> process = builder.start()) {
            long running = process.result();
            return running - before;
        }
    }

    private static SerializableCallable<Long> target() {
        return () -> System.nanoTime();
    }
}

package io.mproc.bench.floor;

import io.mproc.bench.BenchContext;
import io.mproc.bench.Counts;
import io.mproc.bench.Suite;
import io.mproc.bench.latency.RepeatedLatency;
import io.mproc.bench.latency.RepeatedValue;
import io.mproc.bench.machine.CpuList;
import io.mproc.bench.machine.PinningPlan;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static io.mproc.bench.result.TargetCatalog.CACHE_LINE_FLOOR;
import static io.mproc.bench.result.TargetCatalog.CACHE_LINE_PAUSE_FLOOR;
import static io.mproc.bench.result.TargetCatalog.FLOORS;
import static io.mproc.bench.result.TargetCatalog.FUTEX_ASLEEP_FLOOR;
import static io.mproc.bench.result.TargetCatalog.FUTEX_CROSS_CORE_FLOOR;
import static io.mproc.bench.result.TargetCatalog.FUTEX_SAME_CORE_FLOOR;
import static io.mproc.bench.result.TargetCatalog.JVM_START_FLOOR;

/**
 * Measures every floor: C cache-line spin (tight, as the targets' reference, and with pause),
 * C futex across cores and on one core, JVM start.
 */
public final class FloorSuite implements Suite {

    /** Long enough for a full-profile futex floor on a slow VM; a hung run still ends. */
    private static final Duration NATIVE_TIMEOUT = Duration.ofMinutes(5);

    @Override
    public String name() {
        return FLOORS;
    }

    @Override
    public void run(BenchContext context) throws Exception {
        runNative(context);
        runJvmStart(context);
    }

    private void runNative(BenchContext context) throws Exception {
        NativeFloorProgram program;
        try {
            program = NativeFloorProgram.build(context.outDir());
        } catch (NativeFloorProgram.UnavailableException unavailable) {
            context.note(unavailable.getMessage());
            return;
        }
        PinningPlan pin = context.pinning();
        List<Integer> cpus = CpuList.allowed();
        int a = pin.enabled() ? pin.measuringCpu() : -1;
        int b = pin.enabled() ? pin.peerCpu() : -1;
        if (cpus.size() >= 2) {
            RepeatedLatency spin = program.run("spin", a, b, context.profile().spinFloor(), NATIVE_TIMEOUT);
            spin.writeRoundTrip(context.sink(), FLOORS, CACHE_LINE_FLOOR);
            RepeatedLatency pause = program.run("spin-pause", a, b, context.profile().spinFloor(), NATIVE_TIMEOUT);
            pause.writeRoundTrip(context.sink(), FLOORS, CACHE_LINE_PAUSE_FLOOR);
            RepeatedLatency futex = program.run("futex", a, b, context.profile().futexFloor(), NATIVE_TIMEOUT);
            futex.writeRoundTrip(context.sink(), FLOORS, FUTEX_CROSS_CORE_FLOOR);
            // Timed like the -asleep ping-pongs, with the futex floor's short warm-up (C needs no JIT).
            Counts asleepCounts = new Counts(context.profile().futexFloor().warmup(),
                context.profile().pingPongAsleep().reps(), context.profile().pingPongAsleep().perRep());
            RepeatedLatency asleep = program.run("futex-asleep", a, b, asleepCounts, NATIVE_TIMEOUT);
            asleep.writeRoundTrip(context.sink(), FLOORS, FUTEX_ASLEEP_FLOOR);
        } else {
            context.note("one CPU: the cross-core C floors (spin, futex) are skipped");
        }
        // Both processes on one core is what this floor means, so it is pinned even with --no-pin.
        int core = cpus.isEmpty() ? 0 : cpus.getFirst();
        RepeatedLatency sameCore = program.run("futex", core, core, context.profile().futexFloor(), NATIVE_TIMEOUT);
        sameCore.writeRoundTrip(context.sink(), FLOORS, FUTEX_SAME_CORE_FLOOR);
    }

    private void runJvmStart(BenchContext context) throws Exception {
        Path dir = Files.createDirectories(context.outDir().resolve("jvm-start"));
        double[] millis = new JvmStartFloor(HelloJar.write(dir)).measure(context.profile().jvmStartRuns());
        new RepeatedValue(millis).write(context.sink(), FLOORS, JVM_START_FLOOR, "start_median", "ms");
    }
}

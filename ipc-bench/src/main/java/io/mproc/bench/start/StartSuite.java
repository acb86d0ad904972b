package io.mproc.bench.start;

import io.mproc.bench.BenchContext;
import io.mproc.bench.Suite;
import io.mproc.bench.floor.HelloJar;
import io.mproc.bench.floor.JvmStartFloor;
import io.mproc.bench.latency.RepeatedValue;
import io.mproc.process.LaunchSettings;
import io.mproc.process.StandbyJvms;
import io.mproc.process.StartupCache;

import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static io.mproc.bench.result.TargetCatalog.START;
import static io.mproc.bench.result.TargetCatalog.START_MEDIAN;

/**
 * Child JVM start, from {@code start()} to the target's first statement ({@link StartProbe}):
 * <ul>
 *   <li>{@value #COLD}: a JVM launched for the process, with mproc's startup cache (made first,
 *       where a user's JVM would make it, if it does not exist yet);</li>
 *   <li>{@value #COLD_NO_CACHE}: the same with the cache off, to show what it gains;</li>
 *   <li>{@value #WARM}: the target handed to a standby JVM of a replenishing pool of one, as
 *       {@code .warm()} does;</li>
 *   <li>{@value #HELLO}: {@code java -cp hello.jar Hello}, timed exactly as the
 *       {@code jvm-start} floor is (spawn to {@code main}'s first statement).</li>
 * </ul>
 * Each round times one of each, in that order, so that the ratio of cold to Hello holds even
 * when the machine's load drifts; the first round is not recorded (page cache, the bench JVM's
 * own first use of the process layer). Before each round and before each warm start the suite
 * waits until the pool's standby JVM is up and then {@value #SETTLE_MILLIS} ms more, so that
 * no JVM boots in the background of a timed start, and nothing else runs meanwhile.
 *
 * <p>Hello and the cold child both run the bench's own {@code java}, are spawned by this JVM
 * through {@link ProcessBuilder}, get the default collector and heap, and have their standard
 * error discarded. What differs is what mproc needs, and counts against it: the child's flags
 * ({@code --enable-native-access}, {@code --add-exports}, the AOT cache, {@code mproc.*}
 * properties), its class path (the bench's, not one small jar), and its main class (mproc's
 * child main, which reads the spec and deserialises the target before it runs).
 */
public final class StartSuite implements Suite {

    static final String COLD = "child-cold";
    static final String COLD_NO_CACHE = "child-cold-no-cache";
    static final String WARM = "child-warm";
    static final String HELLO = "java-hello";

    private static final long SETTLE_MILLIS = 250;
    private static final Duration STANDBY_BOOT_LIMIT = Duration.ofSeconds(60);

    @Override
    public String name() {
        return START;
    }

    @Override
    public void run(BenchContext context) throws Exception {
        Optional<Path> cache = StartupCache.prepare();
        context.note(name() + ": mproc's startup cache " + cache.map(Path::toString)
            .orElse("could not be made: cold starts are measured without it"));
        JvmStartFloor hello = new JvmStartFloor(HelloJar.write(Files.createDirectories(
            context.outDir().resolve("start"))));
        LaunchSettings quiet = LaunchSettings.defaults().withStdout(Redirect.DISCARD).withStderr(Redirect.DISCARD);
        int runs = context.profile().jvmStartRuns();
        double[] helloMillis = new double[runs];
        double[] coldMillis = new double[runs];
        double[] noCacheMillis = new double[runs];
        double[] warmMillis = new double[runs];
        try (StandbyJvms pool = StandbyJvms.builder().size(1).settings(quiet).start()) {
            for (int round = -1; round < runs; round++) {
                awaitQuiet(pool);
                long helloNanos = hello.startToMainNanos();
                long coldNanos = StartProbe.cold(quiet);
                long noCacheNanos = withoutCache(() -> StartProbe.cold(quiet));
                awaitQuiet(pool);
                long warmNanos = StartProbe.warm(pool);
                if (round >= 0) {
                    helloMillis[round] = helloNanos / 1e6;
                    coldMillis[round] = coldNanos / 1e6;
                    noCacheMillis[round] = noCacheNanos / 1e6;
                    warmMillis[round] = warmNanos / 1e6;
                }
            }
        }
        new RepeatedValue(helloMillis).write(context.sink(), name(), HELLO, START_MEDIAN, "ms");
        new RepeatedValue(coldMillis).write(context.sink(), name(), COLD, START_MEDIAN, "ms");
        new RepeatedValue(noCacheMillis).write(context.sink(), name(), COLD_NO_CACHE, START_MEDIAN, "ms");
        new RepeatedValue(warmMillis).write(context.sink(), name(), WARM, START_MEDIAN, "ms");
    }

    /** Waits until the pool's JVM is up (a replacement boots after each warm start), then a little more. */
    private static void awaitQuiet(StandbyJvms pool) throws InterruptedException {
        long deadline = System.nanoTime() + STANDBY_BOOT_LIMIT.toNanos();
        while (pool.ready() < 1) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no standby JVM came up within " + STANDBY_BOOT_LIMIT);
            }
            Thread.sleep(5);
        }
        Thread.sleep(SETTLE_MILLIS);
    }

    /** A timed start. */
    private interface TimedStart {
        long nanos() throws Exception;
    }

    /** Runs {@code start} with mproc's startup cache turned off for the children it launches. */
    private static long withoutCache(TimedStart start) throws Exception {
        String setting = System.getProperty(StartupCache.PROPERTY);
        System.setProperty(StartupCache.PROPERTY, "off");
        try {
            return start.nanos();
        } finally {
            if (setting == null) {
                System.clearProperty(StartupCache.PROPERTY);
            } else {
                System.setProperty(StartupCache.PROPERTY, setting);
            }
        }
    }
}

package io.mproc.bench.result;

import java.util.ArrayList;
import java.util.List;

/**
 * The targets of {@code shared/guide/targets.md} as rules over figure names, and the floor each
 * figure is compared with. Suites that measure a subject named here get judged; any other
 * figure is reported plainly. The bounds are the project's requirements, not measurements:
 * every floor a ratio is taken against is measured in the same run. A ping-pong or hand-off
 * target relative to the cache-line floor is judged against the floor probed right after that
 * figure ({@link #CACHE_LINE_FLOOR_AFTER}), when there is one (not for a cross-die placement,
 * see {@code PingPongSuite.CROSS_DIE}): the VM's CPUs can be placed
 * otherwise minutes after the floors suite, and a ratio holds only against a floor of the same
 * placement. The start-of-run floor is then the fallback, and its ratio is shown beside.
 */
public final class TargetCatalog {

    public static final String FLOORS = "floors";
    public static final String PINGPONG = "pingpong";
    public static final String THROUGHPUT = "throughput";
    public static final String HANDOFF = "handoff";
    public static final String FIXEDRATE = "fixedrate";
    public static final String PYTHON = "python";
    public static final String JMH = "jmh";
    public static final String START = "start";
    public static final String POOL = "pool";

    /**
     * Two processes bounce a cache line, busy-spinning (C) in a tight loop of loads, as the
     * targets' reference floor (the project's baseline c2c.c) does: what the targets are judged
     * against.
     */
    public static final String CACHE_LINE_FLOOR = "c-cache-line-spin";
    /**
     * The same with the CPU's spin-wait hint between loads, as {@code Thread.onSpinWait()} and
     * so mproc's spinners do: 10-20 ns lower on the development VM. Reported, not judged.
     */
    public static final String CACHE_LINE_PAUSE_FLOOR = "c-cache-line-spin-pause";
    /** The same through the futex, blocking, the processes on different cores (C). */
    public static final String FUTEX_CROSS_CORE_FLOOR = "c-futex-cross-core";
    /**
     * As {@link #FUTEX_CROSS_CORE_FLOOR}, with the timing side pausing 1 ms before each round
     * trip (as the bench's {@code -asleep} ping-pongs do), so the woken side was idle that long.
     */
    public static final String FUTEX_ASLEEP_FLOOR = "c-futex-cross-core-asleep";
    /** The same through the futex, both processes on one core (C). */
    public static final String FUTEX_SAME_CORE_FLOOR = "c-futex-same-core";
    /** {@code java -cp <small jar> Hello} on the bench's JDK. */
    public static final String JVM_START_FLOOR = "jvm-start";

    public static final String RTT_MEDIAN = "rtt_median";
    public static final String RTT_P99 = "rtt_p99";
    public static final String RATE = "msgs_per_s";
    public static final String START_MEDIAN = "start_median";
    /** Tasks a pool completes per second. */
    public static final String TASK_RATE = "tasks_per_s";
    /** CPU a blocked waiter's whole process burns while nothing arrives, % of one CPU. */
    public static final String IDLE_CPU = "idle_cpu";
    /**
     * The cache-line floor (median round trip, ns) probed right after a ping-pong or hand-off
     * figure was taken, a figure of that figure's suite and subject: the floor of the same CPU
     * placement, where the start-of-run floor may have seen another.
     */
    public static final String CACHE_LINE_FLOOR_AFTER = "cache_line_floor_after";
    /** The part of {@link #IDLE_CPU} burnt by the blocked thread itself (the rest is the JVM's own). */
    public static final String IDLE_CPU_WAITING_THREAD = "idle_cpu_waiting_thread";

    private final List<FigureRule> rules;

    private TargetCatalog(List<FigureRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** A catalog of exactly these rules (tests use their own). */
    public static TargetCatalog of(List<FigureRule> rules) {
        return new TargetCatalog(rules);
    }

    /** The rules for mproc's targets and the baselines shown beside them. */
    public static TargetCatalog standard() {
        List<FigureRule> r = new ArrayList<>();
        FigureKey cacheLine = new FigureKey(FLOORS, CACHE_LINE_FLOOR, RTT_MEDIAN);
        FigureKey cacheLineP99 = new FigureKey(FLOORS, CACHE_LINE_FLOOR, RTT_P99);
        FigureKey futex = new FigureKey(FLOORS, FUTEX_CROSS_CORE_FLOOR, RTT_MEDIAN);
        // "When the peer is asleep" is judged against the floor measured with the same 1 ms
        // pause: back-to-back futex hops wake a CPU that idled only microseconds, which is
        // cheaper than waking one that idled a millisecond. Both are shown.
        FigureKey futexAsleep = new FigureKey(FLOORS, FUTEX_ASLEEP_FLOOR, RTT_MEDIAN);
        FigureKey jvmStart = new FigureKey(FLOORS, JVM_START_FLOOR, START_MEDIAN);

        // Baselines: compared with the hardware floor, nothing to reach.
        r.add(new FigureRule(new FigureKey(PINGPONG, "mapped-long", RTT_MEDIAN), cacheLine, null));
        r.add(new FigureRule(new FigureKey(PINGPONG, "mapped-long", RTT_P99), cacheLineP99, null));
        for (String agrona : List.of("agrona-ring", "agrona-mpsc-ring")) {
            r.add(new FigureRule(new FigureKey(PINGPONG, agrona, RTT_MEDIAN), cacheLine, null));
            r.add(new FigureRule(new FigureKey(PINGPONG, agrona, RTT_P99), cacheLineP99, null));
        }
        // The transports users would otherwise pick, for context: beside the hardware floor and
        // beside mproc's SPSC ring of the same run (a ratio above 1: the peer's round trip is that
        // many times mproc's). Nothing to reach.
        for (String peer : List.of("chronicle-queue", "unix-socket", "tcp-loopback", "stdio-pipe")) {
            FigureKey median = new FigureKey(PINGPONG, peer, RTT_MEDIAN);
            r.add(new FigureRule(median, cacheLine, null));
            r.add(new FigureRule(median, new FigureKey(PINGPONG, "mproc-spsc", RTT_MEDIAN), null));
            r.add(new FigureRule(new FigureKey(PINGPONG, peer, RTT_P99), cacheLineP99, null));
            r.add(new FigureRule(new FigureKey(PINGPONG, peer + "-1kib", RTT_MEDIAN),
                new FigureKey(PINGPONG, "mproc-spsc-1kib", RTT_MEDIAN), null));
        }

        // SharedQueue ping-pong, 8-byte payload: by put/take of a Long, and on the zero-copy path
        // (claim, write in place, commit; read in place) that a latency user would write.
        FigureKey queueSpin = new FigureKey(PINGPONG, "mproc-queue-spin", RTT_MEDIAN);
        for (String queue : List.of("mproc-queue-spin", "mproc-queue-spin-inplace")) {
            FigureKey median = new FigureKey(PINGPONG, queue, RTT_MEDIAN);
            atMostTimesCacheLineFloor(r, median, 1.5, cacheLine);
            r.add(new FigureRule(median, new FigureKey(PINGPONG, "agrona-ring", RTT_MEDIAN),
                new Target.AtMostTimesFloor(1.1)));
            r.add(new FigureRule(new FigureKey(PINGPONG, queue, RTT_P99), null, new Target.AtMost(1_000, "ns")));
        }
        r.add(new FigureRule(new FigureKey(PINGPONG, "mproc-queue-spin-inplace-1kib", RTT_MEDIAN),
            new FigureKey(PINGPONG, "agrona-ring-1kib", RTT_MEDIAN), null));
        // The default shape (any number of producers and consumers) beside it: shown, not judged.
        r.add(new FigureRule(new FigureKey(PINGPONG, "mproc-queue-spin-many", RTT_MEDIAN), cacheLine, null));
        r.add(new FigureRule(new FigureKey(PINGPONG, "mproc-queue-spin-many", RTT_MEDIAN),
            new FigureKey(PINGPONG, "agrona-ring", RTT_MEDIAN), null));
        r.add(new FigureRule(new FigureKey(PINGPONG, "mproc-queue-default-asleep", RTT_MEDIAN), futexAsleep,
            new Target.AtMostTimesFloor(1.2)));
        r.add(new FigureRule(new FigureKey(PINGPONG, "mproc-queue-default-asleep", RTT_MEDIAN), futex, null));
        // Default waiting, peer awake: "≈ busy-spin RTT", read as within 1.2× as for the rings;
        // idle CPU "≈ 0 %" read as at most 1 % of one CPU for the whole waiting JVM.
        r.add(new FigureRule(new FigureKey(PINGPONG, "mproc-queue-default", RTT_MEDIAN), queueSpin,
            new Target.AtMostTimesFloor(1.2)));
        r.add(new FigureRule(new FigureKey(PINGPONG, "mproc-queue-default", IDLE_CPU), null,
            new Target.AtMost(1, "%")));
        r.add(new FigureRule(new FigureKey(PINGPONG, "mproc-pipe", RTT_MEDIAN), queueSpin,
            new Target.AtMostTimesFloor(1.2)));
        // The pipe is one SPSC ring per direction: what it adds to the ring is shown.
        r.add(new FigureRule(new FigureKey(PINGPONG, "mproc-pipe", RTT_MEDIAN),
            new FigureKey(PINGPONG, "mproc-spsc", RTT_MEDIAN), null));

        // The rings under the queue, held to the queue's targets: each busy-spin ring against the
        // cache-line floor and against the Agrona ring of the same producer model, same run.
        for (String[] ring : new String[][] {{"mproc-spsc", "agrona-ring"}, {"mproc-mpsc", "agrona-mpsc-ring"}}) {
            FigureKey median = new FigureKey(PINGPONG, ring[0], RTT_MEDIAN);
            atMostTimesCacheLineFloor(r, median, 1.5, cacheLine);
            r.add(new FigureRule(median, new FigureKey(PINGPONG, ring[1], RTT_MEDIAN),
                new Target.AtMostTimesFloor(1.1)));
            r.add(new FigureRule(new FigureKey(PINGPONG, ring[0], RTT_P99), null, new Target.AtMost(1_000, "ns")));
            // 1 KiB: no target in targets.md; the ratio to Agrona is shown.
            r.add(new FigureRule(new FigureKey(PINGPONG, ring[0] + "-1kib", RTT_MEDIAN),
                new FigureKey(PINGPONG, ring[1] + "-1kib", RTT_MEDIAN), null));
        }
        // The MPMC ring has no Agrona counterpart: held to the cache-line floor alone.
        atMostTimesCacheLineFloor(r, new FigureKey(PINGPONG, "mproc-mpmc", RTT_MEDIAN), 1.5, cacheLine);
        r.add(new FigureRule(new FigureKey(PINGPONG, "mproc-mpmc", RTT_P99), null, new Target.AtMost(1_000, "ns")));
        // The default waiting (spin, then block): "≈ busy-spin RTT" when the peer is awake, read
        // as within 1.2× of the busy-spin ring; ≤ 1.2× the futex floor when it is asleep;
        // "idle CPU ≈ 0%" read as at most 1% of one CPU for the whole waiting JVM.
        FigureKey spscSpin = new FigureKey(PINGPONG, "mproc-spsc", RTT_MEDIAN);
        r.add(new FigureRule(new FigureKey(PINGPONG, "mproc-spsc-default", RTT_MEDIAN), spscSpin,
            new Target.AtMostTimesFloor(1.2)));
        r.add(new FigureRule(new FigureKey(PINGPONG, "mproc-spsc-default-asleep", RTT_MEDIAN), futexAsleep,
            new Target.AtMostTimesFloor(1.2)));
        r.add(new FigureRule(new FigureKey(PINGPONG, "mproc-spsc-default-asleep", RTT_MEDIAN), futex, null));
        r.add(new FigureRule(new FigureKey(PINGPONG, "mproc-spsc-default", IDLE_CPU), null,
            new Target.AtMost(1, "%")));

        // One-way throughput, 8-byte payloads.
        FigureKey agronaRate = new FigureKey(THROUGHPUT, "agrona-ring", RATE);
        for (String spsc : List.of("mproc-spsc", "mproc-spsc-claim")) {
            r.add(new FigureRule(new FigureKey(THROUGHPUT, spsc, RATE), null, new Target.AtLeast(30e6, "msgs/s")));
            // Higher is better here: a ratio above 1 means faster than Agrona. Shown, not judged.
            r.add(new FigureRule(new FigureKey(THROUGHPUT, spsc, RATE), agronaRate, null));
        }
        r.add(new FigureRule(new FigureKey(THROUGHPUT, "mproc-mpsc", RATE),
            new FigureKey(THROUGHPUT, "agrona-mpsc-ring", RATE), null));
        // Against the transports users would otherwise pick: how many times their rate mproc's is.
        for (String peer : List.of("chronicle-queue", "unix-socket", "tcp-loopback", "stdio-pipe")) {
            r.add(new FigureRule(new FigureKey(THROUGHPUT, "mproc-spsc", RATE), new FigureKey(THROUGHPUT, peer, RATE),
                null));
        }
        r.add(new FigureRule(new FigureKey(THROUGHPUT, "mproc-mpmc-2x2", RATE), null,
            new Target.AtLeast(5e6, "msgs/s")));

        // Fixed-rate one-way latency: Chronicle Queue beside mproc's SPSC ring at the same rate
        // (ratio = how many times mproc's latency Chronicle's is). Shown, not judged.
        for (String rate : List.of("100k", "1m")) {
            for (String metric : List.of("latency_median", "latency_p99")) {
                r.add(new FigureRule(new FigureKey(FIXEDRATE, "chronicle-queue-" + rate, metric),
                    new FigureKey(FIXEDRATE, "mproc-spsc-" + rate, metric), null));
            }
        }

        // Event / Lock / Semaphore hand-off between two JVMs. "Blocking" is measured with the
        // waiter asleep (1 ms pause before each round trip), so it is judged against the floor
        // measured the same way; the back-to-back futex floor is shown beside it.
        for (String primitive : List.of("event", "lock", "semaphore")) {
            atMostTimesCacheLineFloor(r, new FigureKey(HANDOFF, primitive + "-spin", RTT_MEDIAN), 2.0, cacheLine);
            FigureKey blocking = new FigureKey(HANDOFF, primitive + "-blocking", RTT_MEDIAN);
            r.add(new FigureRule(blocking, futexAsleep, new Target.AtMostTimesFloor(1.2)));
            r.add(new FigureRule(blocking, futex, null));
        }

        // Python's multiprocessing beside mproc's matching figure of the same run, shown, not
        // judged. Ratio = Python's figure / mproc's: above 1 for a time, below 1 for a rate, means
        // Python is slower.
        String[][] pythonBesideMproc = {
            {"queue", RTT_MEDIAN, PINGPONG, "mproc-queue-default"},
            {"queue", RTT_MEDIAN, PINGPONG, "mproc-spsc-default"},
            {"pipe", RTT_MEDIAN, PINGPONG, "mproc-pipe"},
            {"event", RTT_MEDIAN, HANDOFF, "event-blocking"},
            {"queue", RATE, THROUGHPUT, "mproc-spsc"},
            {"process-fork", START_MEDIAN, START, "child-warm"},
            {"process-spawn", START_MEDIAN, START, "child-cold"},
            {"pool-apply", RTT_MEDIAN, POOL, "apply"},
            {"pool-map-square-2-workers", TASK_RATE, POOL, "map-square-2-workers"},
            {"pool-apply-async", TASK_RATE, POOL, "apply-async"},
        };
        for (String[] pair : pythonBesideMproc) {
            r.add(new FigureRule(new FigureKey(PYTHON, pair[0], pair[1]), new FigureKey(pair[2], pair[3], pair[1]),
                null));
        }

        // Child JVM start.
        r.add(new FigureRule(new FigureKey(START, "child-cold", START_MEDIAN), jvmStart,
            new Target.AtMostTimesFloor(1.3)));
        // The same against the Hello timed in the same rounds as the children: shown, not judged.
        r.add(new FigureRule(new FigureKey(START, "child-cold", START_MEDIAN),
            new FigureKey(START, "java-hello", START_MEDIAN), null));
        r.add(new FigureRule(new FigureKey(START, "child-warm", START_MEDIAN), null,
            new Target.AtMost(2, "ms")));

        // Pool: absolute targets, each shown beside Python's figure of the same run (the floor
        // column; ratio = mproc's / Python's, so below 1 for the round trip and above 1 for a
        // rate mean mproc is faster). The targets need no floor: judged without Python too.
        r.add(new FigureRule(new FigureKey(POOL, "apply", RTT_MEDIAN), new FigureKey(PYTHON, "pool-apply", RTT_MEDIAN),
            new Target.AtMost(10_000, "ns")));
        r.add(new FigureRule(new FigureKey(POOL, "apply", RTT_P99), new FigureKey(PYTHON, "pool-apply", RTT_P99),
            null));
        r.add(new FigureRule(new FigureKey(POOL, "map-square-2-workers", TASK_RATE),
            new FigureKey(PYTHON, "pool-map-square-2-workers", TASK_RATE), new Target.AtLeast(20e6, "tasks/s")));
        r.add(new FigureRule(new FigureKey(POOL, "apply-async", TASK_RATE),
            new FigureKey(PYTHON, "pool-apply-async", TASK_RATE), new Target.AtLeast(1e6, "tasks/s")));
        return new TargetCatalog(r);
    }

    /**
     * {@code median} (a ping-pong or hand-off figure) judged at most {@code factor} times the
     * cache-line floor probed right after it, or {@code startFloor} when the run has no such
     * probe; and, not judged, its ratio to {@code startFloor} beside, so that the report shows
     * how far the placement had moved since the start.
     */
    private static void atMostTimesCacheLineFloor(List<FigureRule> r, FigureKey median, double factor,
                                                  FigureKey startFloor) {
        FigureKey probedAfter = new FigureKey(median.suite(), median.subject(), CACHE_LINE_FLOOR_AFTER);
        r.add(new FigureRule(median, probedAfter, startFloor, new Target.AtMostTimesFloor(factor)));
        r.add(new FigureRule(median, startFloor, null));
    }

    /** Every rule, in catalog order (for tests that look over the whole catalog). */
    List<FigureRule> rules() {
        return List.copyOf(rules);
    }

    /** The rules that judge {@code key}, in catalog order; empty if none. */
    public List<FigureRule> rulesFor(FigureKey key) {
        return rules.stream().filter(rule -> rule.figure().equals(key)).toList();
    }

    /** Every figure of {@code results} judged by each of its rules, or plainly when it has none. */
    public List<Assessment> assess(Results results) {
        List<Assessment> out = new ArrayList<>();
        for (Figure figure : results.all()) {
            List<FigureRule> matching = rulesFor(figure.key());
            if (matching.isEmpty()) {
                out.add(Assessment.of(figure, null, results));
            } else {
                for (FigureRule rule : matching) {
                    out.add(Assessment.of(figure, rule, results));
                }
            }
        }
        return out;
    }
}

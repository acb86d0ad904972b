package io.mproc.wait;

import io.mproc.memory.OrderedAccess;
import io.mproc.memory.Region;
import io.mproc.memory.RegionKind;
import io.mproc.memory.RegionNamespace;
import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The other process of {@link WaitPointCrossProcessTest}. Arguments: mode, namespace name,
 * region name, then the mode's own.
 *
 * <ul>
 *   <li>{@code sleep <sliceMillis>}: prints {@code READY}, waits (spinThenBlock; slice 0 =
 *       the public default) until flag A is set, prints {@code WOKE}, exits 0.</li>
 *   <li>{@code pong <spins> <yields> <sliceMillis>}: answers every value the parent writes to
 *       counter A by writing it to counter B, until the parent writes -1; exits 0, or 4 if it
 *       waited {@link #STALL} for a value (a lost wake-up).</li>
 * </ul>
 */
public final class WaitPointChild {
    /** The test region: two wait points and two counters, each on its own cache line. */
    static final RegionKind KIND = new RegionKind("test.wait", 1);
    static final long BODY_SIZE = 256;
    static final long POINT_A = 0;
    static final long POINT_B = 64;
    static final long COUNTER_A = 128;
    static final long COUNTER_B = 192;
    /** Longer than any honest wait in these tests: waiting this long means a wake-up was lost. */
    static final Duration STALL = Duration.ofSeconds(15);

    private WaitPointChild() {
    }

    /** The strategy under test: spinThenBlock, with a sleep slice so long only a real wake ends a sleep. */
    static WaitStrategy strategy(int spins, int yields, long sliceMillis) {
        if (sliceMillis == 0) {
            return WaitStrategy.spinThenBlock(spins, yields);
        }
        return new SpinThenBlockStrategy(spins, yields, TimeUnit.MILLISECONDS.toNanos(sliceMillis));
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        try (RegionNamespace namespace = RegionNamespace.open(args[1])) {
            Region region = namespace.attach(args[2], KIND);
            MemorySegment body = region.body();
            int exitCode = switch (mode) {
                case "sleep" -> sleep(body, Long.parseLong(args[3]));
                case "pong" -> pong(body, Integer.parseInt(args[3]), Integer.parseInt(args[4]), Long.parseLong(args[5]));
                default -> throw new IllegalArgumentException("mode=" + mode);
            };
            System.out.flush();
            if (exitCode != 0) {
                System.exit(exitCode);
            }
        }
    }

    private static int sleep(MemorySegment body, long sliceMillis) throws InterruptedException {
        WaitStrategy strategy = strategy(SpinThenBlockStrategy.DEFAULT_SPINS, SpinThenBlockStrategy.DEFAULT_YIELDS,
            sliceMillis);
        WaitPoint point = new WaitPoint(body, POINT_A);
        System.out.println("READY");
        // Acquire: pairs with the parent's release store of the flag.
        boolean woke = strategy.await(point, () -> OrderedAccess.getIntAcquire(body, COUNTER_A) != 0,
            WaitStrategy.deadlineAfter(STALL));
        System.out.println(woke ? "WOKE" : "TIMEOUT");
        return woke ? 0 : 3;
    }

    private static int pong(MemorySegment body, int spins, int yields, long sliceMillis) throws InterruptedException {
        WaitStrategy strategy = strategy(spins, yields, sliceMillis);
        WaitPoint request = new WaitPoint(body, POINT_A);
        WaitPoint reply = new WaitPoint(body, POINT_B);
        System.out.println("READY");
        int last = 0;
        while (true) {
            int seen = last;
            // Acquire: pairs with the parent's release store of each new value.
            if (!strategy.await(request, () -> OrderedAccess.getIntAcquire(body, COUNTER_A) != seen,
                WaitStrategy.deadlineAfter(STALL))) {
                System.out.println("STALL after " + last);
                return 4;
            }
            int value = OrderedAccess.getIntAcquire(body, COUNTER_A);
            if (value < 0) {
                System.out.println("DONE " + last);
                return 0;
            }
            // Release: the answer is published before we look for a sleeping parent.
            OrderedAccess.setIntRelease(body, COUNTER_B, value);
            reply.signalAll();
            last = value;
        }
    }
}

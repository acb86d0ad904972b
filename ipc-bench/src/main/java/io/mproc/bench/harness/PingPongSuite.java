package io.mproc.bench.harness;

import io.mproc.bench.BenchContext;
import io.mproc.bench.Counts;
import io.mproc.bench.PlacementCheck;
import io.mproc.bench.Suite;
import io.mproc.bench.channel.ChannelCatalog;
import io.mproc.bench.channel.ChannelSpec;
import io.mproc.bench.channel.ChannelUnavailableException;
import io.mproc.bench.channel.PingPongChannel;
import io.mproc.bench.latency.RepeatedLatency;
import io.mproc.bench.result.Figure;
import io.mproc.bench.result.TargetCatalog;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Round-trip latency of every ping-pong channel in the catalog: 8-byte payload (subject = the
 * channel's name) and, for channels that carry it, 1 KiB (subject {@code <name>-1kib}). A
 * channel whose waiting side may sleep is also measured with its peer asleep (subject
 * {@code <name>-asleep}: the pinger pauses {@link #ASLEEP_GAP} before each round trip) and for
 * the CPU its blocked peer burns while nothing arrives ({@code idle_cpu}, % of one CPU). Each
 * round-trip figure comes with the cache-line floor probed right after it
 * ({@code cache_line_floor_after}) when the run has a probe: the targets judge it against that.
 *
 * <p>A channel that fails is noted and the others still run; the suite then fails at the end.
 */
public final class PingPongSuite implements Suite {

    private static final int PAYLOAD_BYTES = 8;
    private static final int LARGE_PAYLOAD_BYTES = 1024;
    /** Far longer than any spin-then-block spin phase (microseconds): the peer is asleep by then. */
    static final Duration ASLEEP_GAP = Duration.ofMillis(1);
    static final Duration LIMIT = Duration.ofMinutes(10);

    @Override
    public String name() {
        return TargetCatalog.PINGPONG;
    }

    @Override
    public void run(BenchContext context) throws Exception {
        PingPongHarness harness = new PingPongHarness(context.pinning(), LIMIT);
        measureEach(context, name(), ChannelCatalog.pingPongNames(), channel -> measure(context, harness, channel));
    }

    /** Measures one channel. */
    interface ChannelMeasurement {
        void measure(PingPongChannel channel) throws Exception;
    }

    /**
     * Measures each of the named channels of the catalog; a channel that fails is noted and the
     * others still run, and then the suite fails.
     */
    static void measureEach(BenchContext context, String suite, List<String> names, ChannelMeasurement measurement) {
        List<String> failed = new ArrayList<>();
        for (String name : names) {
            try {
                measurement.measure(ChannelCatalog.pingPong(name));
            } catch (ChannelUnavailableException unavailable) {
                context.note(suite + "/" + name + " skipped: " + unavailable.getMessage());
            } catch (Exception | LinkageError broken) {
                failed.add(name);
                context.note(suite + "/" + name + " FAILED: " + broken);
                broken.printStackTrace(System.out);
            }
        }
        if (!failed.isEmpty()) {
            throw new IllegalStateException(suite + " channels failed: " + failed);
        }
    }

    private void measure(BenchContext context, PingPongHarness harness, PingPongChannel channel) throws Exception {
        String name = channel.name();
        Counts counts = context.profile().pingPong().dividedBy(channel.relativeCost());
        roundTrips(context, harness, channel, name(), name, PAYLOAD_BYTES, counts, Duration.ZERO);
        if (channel.carries(LARGE_PAYLOAD_BYTES)) {
            roundTrips(context, harness, channel, name(), name + "-1kib", LARGE_PAYLOAD_BYTES, counts, Duration.ZERO);
        }
        if (channel.blocks()) {
            roundTrips(context, harness, channel, name(), name + "-asleep", PAYLOAD_BYTES,
                context.profile().pingPongAsleep(), ASLEEP_GAP);
            PingPongHarness.IdleCpu idle = harness.idleCpuPercent(channel,
                new ChannelSpec(context.shmDir(), "idle-" + name, PAYLOAD_BYTES), context.profile().idleWindow());
            context.sink().add(new Figure(name(), name, TargetCatalog.IDLE_CPU, idle.process(), "%"));
            if (idle.waitingThread() >= 0) {
                context.sink().add(new Figure(name(), name, TargetCatalog.IDLE_CPU_WAITING_THREAD,
                    idle.waitingThread(), "%"));
            }
        }
    }

    /** How many times a latency figure is taken while the CPU placement keeps moving under it. */
    static final int ATTEMPTS = 3;

    /** One attempt at a figure ({@code number} counts from 1). */
    interface Attempt<T> {
        T take(int number) throws Exception;
    }

    /**
     * A kept figure and the cache-line floor probed right after it, in ns: the floor of the
     * placement the figure was taken under. NaN when there was no probe, when it failed, and
     * when it read more than {@link #CROSS_DIE} times the start floor ({@link #ownFloor}).
     */
    record Placed<T>(T value, double floorAfterNanos) {
    }

    /**
     * A probe this many times the start floor or more comes from a placement of the two CPUs on
     * different dies, where a cache-line transfer costs several hundred ns and every ratio to the
     * floor shrinks towards 1: such a figure is judged against the start-of-run floor instead of
     * its own. Smaller moves (the development VM's floor reads 100 to 130 ns, minutes apart) and
     * every move to a faster placement keep the probe: it is the floor the figure ran on, and a
     * faster one only makes the ratio stricter.
     */
    static final double CROSS_DIE = 2.0;

    /** The last probe as the floor of the figure before it, or NaN (see {@link #CROSS_DIE}). */
    static double ownFloor(PlacementCheck placement) {
        double probe = placement.lastProbeNanos();
        // With no start floor (NaN) the comparison is false: the probe is all there is.
        return probe >= CROSS_DIE * placement.startFloorNanos() ? Double.NaN : probe;
    }

    /**
     * Takes a figure, and takes it again while the context's {@link PlacementCheck} says the CPU
     * placement moved under it and comes back when waited for: at most {@link #ATTEMPTS} times.
     * Notes a retaken figure, and in bold one that stayed under a moved placement. Returns the
     * kept attempt with the probe taken right after it, so that it can be judged against the
     * floor of its own placement (unless that probe reads a cross-die placement: {@link #CROSS_DIE}).
     */
    static <T> Placed<T> underOnePlacement(BenchContext context, String figure, Attempt<T> attempt) throws Exception {
        PlacementCheck placement = context.placement();
        for (int number = 1; ; number++) {
            T taken = attempt.take(number);
            boolean held;
            try {
                held = placement.held();
            } catch (IOException probeFailed) {
                context.note(figure + ": the placement probe failed (" + probeFailed.getMessage() + "), figure kept");
                return new Placed<>(taken, Double.NaN);
            }
            if (held) {
                if (number > 1) {
                    context.note(figure + ": measured again (attempt " + number
                        + ") because the CPU placement had moved during an earlier attempt");
                }
                return new Placed<>(taken, ownFloor(placement));
            }
            // Read now: waiting for the placement to come back probes again, after this figure.
            double floorAfter = ownFloor(placement);
            String probe = placement.describeLastProbe();
            if (number == ATTEMPTS || !placement.awaitReturn()) {
                context.note("**" + figure + ": the cache-line floor read " + probe + " right after it was measured:"
                    + " this figure may come from another CPU placement (attempt " + number + " of " + ATTEMPTS + ")**");
                return new Placed<>(taken, floorAfter);
            }
        }
    }

    /**
     * Round trips of {@code channel} with {@code payload} bytes (the pinger pausing {@code gap}
     * before each timed one), written as figures of {@code suite} and {@code subject}; see
     * {@link #roundTrips(BenchContext, String, String, Attempt)}.
     */
    static void roundTrips(BenchContext context, PingPongHarness harness, PingPongChannel channel, String suite,
                           String subject, int payload, Counts counts, Duration gap) throws Exception {
        roundTrips(context, suite, subject, attempt -> harness.measure(channel,
            new ChannelSpec(context.shmDir(), suite + "-" + subject + "-" + attempt, payload), counts, gap));
    }

    /**
     * Round trips taken by {@code attempt}, written as figures of {@code suite} and
     * {@code subject}. Taken again (up to {@link #ATTEMPTS} times, after waiting for the
     * placement to come back) when the cache-line floor probed right after it shows that the CPU
     * placement had moved; a figure that stays under a moved placement gets a note in bold. The
     * probe after the kept attempt is written beside the round trips
     * ({@value TargetCatalog#CACHE_LINE_FLOOR_AFTER}, ns): the targets relative to the cache-line
     * floor judge the figure against it, since the start-of-run floor may come from another
     * placement.
     */
    static void roundTrips(BenchContext context, String suite, String subject,
                           Attempt<MeasuringThread.Outcome<RepeatedLatency>> attempt) throws Exception {
        Placed<MeasuringThread.Outcome<RepeatedLatency>> kept = underOnePlacement(context, suite + "/" + subject,
            attempt);
        if (context.pinning().enabled() && !kept.value().pinned()) {
            context.note(suite + "/" + subject + ": the measuring thread could not be pinned "
                + "(run the JVM with --enable-native-access=ALL-UNNAMED)");
        }
        kept.value().value().writeRoundTrip(context.sink(), suite, subject);
        if (!Double.isNaN(kept.floorAfterNanos())) {
            context.sink().add(new Figure(suite, subject, TargetCatalog.CACHE_LINE_FLOOR_AFTER, kept.floorAfterNanos(),
                "ns"));
        }
    }
}

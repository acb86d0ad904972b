package io.mproc.bench;

import java.io.IOException;

/**
 * Whether the two measuring CPUs are still placed as they were when the floors were measured. A
 * VM's vCPUs can be moved to other physical cores mid-run (across dies every cache-line transfer
 * is several times slower), and a latency figure taken meanwhile belongs to another machine than
 * its floor. Latency suites ask after each figure and measure it again when the placement had
 * moved ({@link io.mproc.bench.floor.FloorDrift} is the probe). The probe's own reading is also
 * the floor a figure is judged against: taken right after it, it saw the same placement, where
 * the floor of the start of the run may have seen another.
 */
public interface PlacementCheck {
    /** For runs without a reference floor: the placement is never known to have moved. */
    PlacementCheck NONE = new PlacementCheck() {
        @Override
        public boolean held() {
            return true;
        }

        @Override
        public boolean awaitReturn() {
            return false;
        }

        @Override
        public String describeLastProbe() {
            return "no probe";
        }

        @Override
        public double lastProbeNanos() {
            return Double.NaN;
        }

        @Override
        public double startFloorNanos() {
            return Double.NaN;
        }
    };

    /** Probes now: whether the cache-line floor still reads as at the start of the run. */
    boolean held() throws IOException, InterruptedException;

    /**
     * Waits a few seconds at most (and never more than the run's budget for such waits) for the
     * placement to come back; returns whether it did.
     */
    boolean awaitReturn() throws IOException, InterruptedException;

    /** What the last probe read against the start floor, for a note. */
    String describeLastProbe();

    /**
     * The median round trip the last probe read, in ns; NaN before the first probe and for a
     * check that does not probe. Read it right after {@link #held()}: {@link #awaitReturn()}
     * probes again, so later it no longer belongs to the figure before it.
     */
    double lastProbeNanos();

    /** The cache-line floor measured at the start of the run, in ns; NaN for a check that does not probe. */
    double startFloorNanos();
}

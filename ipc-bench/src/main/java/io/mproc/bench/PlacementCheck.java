package io.mproc.bench;

import java.io.IOException;

/**
 * Whether the two measuring CPUs are still placed as they were when the floors were measured. A
 * VM's vCPUs can be moved to other physical cores mid-run (across dies every cache-line transfer
 * is several times slower), and a latency figure taken meanwhile belongs to another machine than
 * its floor. Latency suites ask after each figure and measure it again when the placement had
 * moved ({@link io.mproc.bench.floor.FloorDrift} is the probe).
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
}

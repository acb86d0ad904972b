package io.mproc.bench.latency;

import java.util.ArrayList;
import java.util.List;

/**
 * The bookkeeping of repeated latency measurements: one recorder reused for each repetition,
 * whose summary is kept when the repetition ends and whose samples join the whole
 * distribution (for the plots). The timed loop records into the {@link LatencyRecorder} that
 * {@link #begin()} returns, directly, so nothing stands between it and the histogram.
 */
public final class LatencyRepetitions {

    private final LatencyRecorder recorder = new LatencyRecorder();
    private final LatencyRecorder allReps = new LatencyRecorder();
    private final List<LatencySummary> summaries;
    private boolean inRepetition;

    public LatencyRepetitions(int expectedReps) {
        summaries = new ArrayList<>(expectedReps);
    }

    /** Starts a repetition: the recorder to record its samples into, emptied. */
    public LatencyRecorder begin() {
        if (inRepetition) {
            throw new IllegalStateException("repetition " + (summaries.size() + 1) + " was not ended");
        }
        inRepetition = true;
        recorder.reset();
        return recorder;
    }

    /** Ends the repetition begun last: keeps its summary and adds its samples to the whole distribution. */
    public void end() {
        if (!inRepetition) {
            throw new IllegalStateException("no repetition to end");
        }
        inRepetition = false;
        summaries.add(recorder.summary());
        allReps.add(recorder);
    }

    /** Every ended repetition, with the distribution of all their samples together. */
    public RepeatedLatency result() {
        if (inRepetition) {
            throw new IllegalStateException("repetition " + (summaries.size() + 1) + " was not ended");
        }
        return new RepeatedLatency(summaries, allReps.percentiles());
    }
}

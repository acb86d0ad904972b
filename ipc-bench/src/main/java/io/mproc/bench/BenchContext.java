package io.mproc.bench;

import io.mproc.bench.machine.PinningPlan;
import io.mproc.bench.result.ResultSink;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What every suite of one run shares: how much to do, where to write, where shared-memory files
 * go, how to pin, where figures go, and notes for the report (what was skipped and why).
 */
public final class BenchContext {

    private final BenchProfile profile;
    private final Path outDir;
    private final Path shmDir;
    private final PinningPlan pinning;
    private final ResultSink sink;
    private final List<String> notes = new ArrayList<>();
    private volatile PlacementCheck placement = PlacementCheck.NONE;

    public BenchContext(BenchProfile profile, Path outDir, Path shmDir, PinningPlan pinning, ResultSink sink) {
        this.profile = profile;
        this.outDir = outDir;
        this.shmDir = shmDir;
        this.pinning = pinning;
        this.sink = sink;
    }

    public BenchProfile profile() {
        return profile;
    }

    /** Where results.jsonl, report.md and built helpers (the C floor, Hello.jar) go. */
    public Path outDir() {
        return outDir;
    }

    /** A directory of this run for the files that benchmark peers map (under /dev/shm if it exists). */
    public Path shmDir() {
        return shmDir;
    }

    public PinningPlan pinning() {
        return pinning;
    }

    public ResultSink sink() {
        return sink;
    }

    /** How latency suites learn whether the CPU placement moved since the floors ({@link PlacementCheck#NONE} until known). */
    public PlacementCheck placement() {
        return placement;
    }

    /** Set once the floors suite has measured the reference floor. */
    public void usePlacementCheck(PlacementCheck check) {
        this.placement = java.util.Objects.requireNonNull(check, "check");
    }

    /** Adds a line to the report header, and prints it now. */
    public synchronized void note(String note) {
        notes.add(note);
        System.out.println("note: " + note);
    }

    public synchronized List<String> notes() {
        return List.copyOf(notes);
    }
}

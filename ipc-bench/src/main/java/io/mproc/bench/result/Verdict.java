package io.mproc.bench.result;

/** The outcome of judging one figure against one rule. */
public enum Verdict {
    MET("met"),
    MISSED("**MISSED**"),
    /** The target is relative to a floor that this run did not measure. */
    NO_FLOOR("not judged: floor not measured"),
    /** A baseline or a floor: shown for comparison, nothing to reach. */
    NO_TARGET("—");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

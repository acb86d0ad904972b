package io.mproc.bench;

/**
 * The bench's command line: runs the selected suites, writes results.jsonl and report.md,
 * and exits non-zero if a suite failed (a missed target is a finding, not a failure).
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException bad) {
            System.err.println(bad.getMessage());
            System.exit(2);
            return;
        }
        BenchRun.Summary summary = new BenchRun(options).run();
        System.out.println("results: " + summary.results());
        System.out.println("report:  " + summary.report());
        if (summary.missedTargets() > 0) {
            System.out.println("targets missed: " + summary.missedTargets() + " (see the report)");
        }
        if (!summary.failedSuites().isEmpty()) {
            System.out.println("suites failed: " + summary.failedSuites());
            System.exit(1);
        }
    }
}

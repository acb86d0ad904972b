package io.mproc.bench.result;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ArrayList;

/**
 * Writes {@code report.md}: where and how the run happened, then one table per suite with each
 * figure, the floor measured in the same run, the ratio, the target and whether it was met. The
 * floor cell names the floor the ratio is really against: a figure judged against the cache-line
 * floor probed right after it falls back to the start-of-run floor when there was no probe, and
 * the two give different ratios when the CPU placement had moved.
 * A missed target is said plainly, in its row and in a count at the top. Plots written next to
 * the report are linked under the summary and shown at the end.
 */
public final class ReportWriter {

    /** The marker of a missed target, in rows and in the summary line. */
    public static final String MISSED = Verdict.MISSED.label();

    private ReportWriter() {
    }

    /** The run's context for the header. */
    public record Header(MachineInfo machine, String mode, String pinning, List<String> notes) {
    }

    public static void write(Path file, Header header, List<Assessment> assessments) throws IOException {
        write(file, header, assessments, List.of());
    }

    /** As {@link #write(Path, Header, List)}, linking {@code plots} (files next to the report). */
    public static void write(Path file, Header header, List<Assessment> assessments, List<PlotLink> plots)
        throws IOException {
        Files.writeString(file, render(header, assessments, plots), StandardCharsets.UTF_8);
    }

    public static String render(Header header, List<Assessment> assessments) {
        return render(header, assessments, List.of());
    }

    /**
     * The report; {@code plots} are listed under the summary and shown at the end, so that the
     * tables come first.
     */
    public static String render(Header header, List<Assessment> assessments, List<PlotLink> plots) {
        StringBuilder md = new StringBuilder(4096);
        MachineInfo m = header.machine();
        md.append("# mproc benchmark report\n\n");
        md.append("- Date: ").append(m.date()).append('\n');
        md.append("- Machine: ").append(m.cpuCount()).append(" CPUs (").append(m.availableProcessors())
            .append(" available to the JVM), ").append(m.cpuModel()).append(", Linux ").append(m.kernel())
            .append(", clocksource ").append(m.clocksource()).append('\n');
        md.append("- JDK: ").append(m.jdk()).append('\n');
        md.append("- Mode: ").append(header.mode()).append('\n');
        md.append("- Pinning: ").append(header.pinning()).append('\n');
        for (String note : header.notes()) {
            md.append("- Note: ").append(note).append('\n');
        }
        md.append('\n');

        long judged = assessments.stream()
            .filter(a -> a.verdict() == Verdict.MET || a.verdict() == Verdict.MISSED).count();
        List<Assessment> missed = assessments.stream().filter(a -> a.verdict() == Verdict.MISSED).toList();
        if (judged == 0) {
            md.append("No figure of this run has a target (baselines and floors only).\n\n");
        } else if (missed.isEmpty()) {
            md.append("All ").append(judged).append(" judged targets met.\n\n");
        } else {
            md.append(MISSED).append(": ").append(missed.size()).append(" of ").append(judged)
                .append(" judged targets missed:\n");
            for (Assessment a : missed) {
                md.append("- ").append(miss(a, a.figure().key().toString())).append('\n');
            }
            md.append('\n');
        }
        md.append("Ratios are against floors measured in this run; on shared 2-core VMs absolute times "
            + "move between runs, ratios much less. The cache-line floor (" + TargetCatalog.CACHE_LINE_FLOOR
            + ") spins the way the targets' reference program does, a tight loop of loads; "
            + TargetCatalog.CACHE_LINE_PAUSE_FLOOR + " adds the spin-wait hint between loads, as mproc's "
            + "spinners do, and is shown in the floors table only. A target relative to the cache-line floor is judged against "
            + "the floor probed right after its figure (same CPU placement), or against the start-of-run floor "
            + "when there is no such probe (none in this run, a failed one, or one that read a cross-die placement), "
            + "with the ratio to the start-of-run floor shown beside; the floor "
            + "column names which. Each statistic is the median over the repetitions; "
            + "(reps a – b) is the range of the per-repetition values; max is the worst single sample.\n\n");
        if (!plots.isEmpty()) {
            md.append("Plots (at the end): ");
            for (int i = 0; i < plots.size(); i++) {
                md.append(i == 0 ? "" : ", ").append('[').append(plots.get(i).file()).append("](")
                    .append(plots.get(i).file()).append(')');
            }
            md.append("\n\n");
        }

        Map<String, List<Assessment>> bySuite = new LinkedHashMap<>();
        for (Assessment a : assessments) {
            bySuite.computeIfAbsent(a.figure().suite(), s -> new ArrayList<>()).add(a);
        }
        for (Map.Entry<String, List<Assessment>> suite : bySuite.entrySet()) {
            md.append("## ").append(suite.getKey()).append("\n\n");
            appendTargetsLine(md, suite.getValue());
            md.append("| figure | value | floor (same run) | ratio | target | verdict |\n");
            md.append("|---|---|---|---|---|---|\n");
            Map<FigureKey, Figure> figures = new LinkedHashMap<>();
            suite.getValue().forEach(a -> figures.put(a.figure().key(), a.figure()));
            for (Assessment a : suite.getValue()) {
                if (spreadOf(a.figure(), figures) == null && !repeatsAJudgedRow(a, suite.getValue())) {
                    appendRow(md, a, figures);
                }
            }
            md.append('\n');
        }
        if (!plots.isEmpty()) {
            md.append("## Plots\n\n");
            for (PlotLink plot : plots) {
                md.append("### ").append(plot.title()).append("\n\n![").append(plot.title()).append("](")
                    .append(plot.file()).append(")\n\n");
            }
        }
        return md.toString();
    }

    /**
     * The figure whose spread {@code f} is ({@code rtt_median_min} of {@code rtt_median}), or
     * null: a spread is shown in its figure's row, not in a row of its own.
     */
    private static Figure spreadOf(Figure f, Map<FigureKey, Figure> figures) {
        for (String suffix : List.of("_min", "_max")) {
            if (f.metric().endsWith(suffix)) {
                String base = f.metric().substring(0, f.metric().length() - suffix.length());
                Figure of = figures.get(new FigureKey(f.suite(), f.subject(), base));
                if (of != null) {
                    return of;
                }
            }
        }
        return null;
    }

    private static String valueWithSpread(Figure f, Map<FigureKey, Figure> figures) {
        String value = Quantity.format(f.value(), f.unit());
        Figure min = figures.get(new FigureKey(f.suite(), f.subject(), f.metric() + "_min"));
        Figure max = figures.get(new FigureKey(f.suite(), f.subject(), f.metric() + "_max"));
        if (min == null || max == null) {
            return value;
        }
        return value + " (reps " + Quantity.format(min.value(), min.unit()) + " – "
            + Quantity.format(max.value(), max.unit()) + ")";
    }

    /**
     * Whether {@code a} shows a ratio with no target that a judged row of the same figure already
     * shows: the start-of-run floor beside a figure that was judged against it for want of a probe.
     */
    private static boolean repeatsAJudgedRow(Assessment a, List<Assessment> suite) {
        if (a.rule() == null || a.rule().target() != null || a.floor() == null) {
            return false;
        }
        return suite.stream().anyMatch(other -> other != a && other.rule() != null && other.rule().target() != null
            && other.figure().key().equals(a.figure().key()) && a.floor().equals(other.floor()));
    }

    private static void appendRow(StringBuilder md, Assessment a, Map<FigureKey, Figure> figures) {
        Figure f = a.figure();
        FigureRule rule = a.rule();
        String floor = "—";
        if (a.floor() != null) {
            floor = Double.isNaN(a.floorValue()) ? a.floor() + " not measured"
                : Quantity.format(a.floorValue(), f.unit()) + " (" + floorName(a.floor(), f) + ")";
        }
        String ratio = a.hasRatio() ? Quantity.format(a.ratio(), "ratio") : "—";
        String target = rule != null && rule.target() != null ? rule.target().describe() : "—";
        md.append("| ").append(cell(f.subject() + " · " + f.metric()))
            .append(" | ").append(cell(valueWithSpread(f, figures)))
            .append(" | ").append(cell(floor))
            .append(" | ").append(ratio)
            .append(" | ").append(cell(target))
            .append(" | ").append(a.verdict().label())
            .append(" |\n");
    }

    /**
     * A suite's targets in one line above its table: how many were met, and each missed one
     * by name; nothing for a suite without targets.
     */
    private static void appendTargetsLine(StringBuilder md, List<Assessment> suite) {
        List<Assessment> judged = suite.stream()
            .filter(a -> a.verdict() == Verdict.MET || a.verdict() == Verdict.MISSED).toList();
        long notJudged = suite.stream().filter(a -> a.verdict() == Verdict.NO_FLOOR).count();
        if (judged.isEmpty()) {
            if (notJudged > 0) {
                md.append("Targets: ").append(notJudged).append(" not judged (floor not measured).\n\n");
            }
            return;
        }
        List<Assessment> missed = judged.stream().filter(a -> a.verdict() == Verdict.MISSED).toList();
        md.append("Targets: ").append(judged.size() - missed.size()).append(" of ").append(judged.size())
            .append(" met");
        for (int i = 0; i < missed.size(); i++) {
            Figure f = missed.get(i).figure();
            md.append(i == 0 ? "; " + MISSED + ": " : "; ").append(miss(missed.get(i), f.subject() + " · " + f.metric()));
        }
        if (notJudged > 0) {
            md.append("; ").append(notJudged).append(" not judged (floor not measured)");
        }
        md.append(".\n\n");
    }

    /** A missed target: {@code name = value, target ...}. */
    private static String miss(Assessment a, String name) {
        return name + " = " + Quantity.format(a.figure().value(), a.figure().unit()) + ", target "
            + a.rule().target().describe();
    }

    /**
     * The floor's subject, with its suite when it comes from another one than the figure's (not a
     * floor); a floor probed beside the figure (its own suite and subject) by what it is.
     */
    private static String floorName(FigureKey floor, Figure figure) {
        if (floor.suite().equals(figure.suite()) && floor.subject().equals(figure.subject())) {
            return floor.metric().equals(TargetCatalog.CACHE_LINE_FLOOR_AFTER)
                ? TargetCatalog.CACHE_LINE_FLOOR + " probed after this figure" : floor.metric();
        }
        boolean elsewhere = !floor.suite().equals(figure.suite()) && !floor.suite().equals(TargetCatalog.FLOORS);
        return elsewhere ? floor.suite() + "/" + floor.subject() : floor.subject();
    }

    /** Keeps a table cell one cell: a pipe or a line break in a name would split the row. */
    private static String cell(String text) {
        return text.replace("|", "\\|").replace('\n', ' ');
    }
}

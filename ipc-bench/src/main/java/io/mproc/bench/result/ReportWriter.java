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
 * figure, the floor measured in the same run, the ratio, the target and whether it was met.
 * A missed target is said plainly, in its row and in a count at the top.
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
        Files.writeString(file, render(header, assessments), StandardCharsets.UTF_8);
    }

    public static String render(Header header, List<Assessment> assessments) {
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
                md.append("- ").append(a.figure().key()).append(" = ")
                    .append(Quantity.format(a.figure().value(), a.figure().unit()))
                    .append(", target ").append(a.rule().target().describe()).append('\n');
            }
            md.append('\n');
        }
        md.append("Ratios are against floors measured in this run; on shared 2-core VMs absolute times "
            + "move between runs, ratios much less.\n\n");

        Map<String, List<Assessment>> bySuite = new LinkedHashMap<>();
        for (Assessment a : assessments) {
            bySuite.computeIfAbsent(a.figure().suite(), s -> new ArrayList<>()).add(a);
        }
        for (Map.Entry<String, List<Assessment>> suite : bySuite.entrySet()) {
            md.append("## ").append(suite.getKey()).append("\n\n");
            md.append("| figure | value | floor (same run) | ratio | target | verdict |\n");
            md.append("|---|---|---|---|---|---|\n");
            for (Assessment a : suite.getValue()) {
                appendRow(md, a);
            }
            md.append('\n');
        }
        return md.toString();
    }

    private static void appendRow(StringBuilder md, Assessment a) {
        Figure f = a.figure();
        FigureRule rule = a.rule();
        String floor = "—";
        if (rule != null && rule.floor() != null) {
            floor = Double.isNaN(a.floorValue()) ? rule.floor() + " not measured"
                : Quantity.format(a.floorValue(), f.unit()) + " (" + rule.floor().subject() + ")";
        }
        String ratio = a.hasRatio() ? Quantity.format(a.ratio(), "ratio") : "—";
        String target = rule != null && rule.target() != null ? rule.target().describe() : "—";
        md.append("| ").append(cell(f.subject() + " · " + f.metric()))
            .append(" | ").append(cell(Quantity.format(f.value(), f.unit())))
            .append(" | ").append(cell(floor))
            .append(" | ").append(ratio)
            .append(" | ").append(cell(target))
            .append(" | ").append(a.verdict().label())
            .append(" |\n");
    }

    /** Keeps a table cell one cell: a pipe or a line break in a name would split the row. */
    private static String cell(String text) {
        return text.replace("|", "\\|").replace('\n', ' ');
    }
}

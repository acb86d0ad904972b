package io.mproc.bench.python;

import io.mproc.bench.latency.LatencySummary;
import io.mproc.bench.latency.RepeatedLatency;
import io.mproc.bench.latency.RepeatedValue;
import io.mproc.bench.result.ResultSink;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The figures of one run of {@code mp_bench.py}: its repetitions gathered by subject (and
 * metric), then written as mproc's are, the median over repetitions with the spread
 * ({@code rtt_median}, {@code rtt_median_min}, ... for round trips; {@code metric},
 * {@code metric_min}, {@code metric_max} for the rest).
 */
final class PythonFigures {

    private final Map<String, List<LatencySummary>> latencies = new LinkedHashMap<>();
    private final Map<List<String>, List<Double>> values = new LinkedHashMap<>();
    private final Map<String, String> info = new TreeMap<>();

    /** Gathers every figure line of the script's standard output. */
    static PythonFigures of(List<String> stdout) {
        PythonFigures figures = new PythonFigures();
        for (String line : stdout) {
            Optional<PythonLine> parsed = PythonLine.parse(line);
            parsed.ifPresent(figures::add);
        }
        return figures;
    }

    private void add(PythonLine line) {
        switch (line) {
            case PythonLine.Latency l -> latencies.computeIfAbsent(l.subject(), s -> new ArrayList<>()).add(l.summary());
            case PythonLine.Value v -> values.computeIfAbsent(List.of(v.subject(), v.metric(), v.unit()),
                key -> new ArrayList<>()).add(v.value());
            case PythonLine.Info i -> info.putAll(i.facts());
        }
    }

    boolean isEmpty() {
        return latencies.isEmpty() && values.isEmpty();
    }

    /** What the script said of itself ({@code python=3.11.7 method=fork ...}). */
    Map<String, String> info() {
        return Map.copyOf(info);
    }

    void write(ResultSink sink, String suite) {
        latencies.forEach((subject, reps) -> new RepeatedLatency(reps).writeRoundTrip(sink, suite, subject));
        values.forEach((key, reps) -> new RepeatedValue(reps.stream().mapToDouble(Double::doubleValue).toArray())
            .write(sink, suite, key.get(0), key.get(1), key.get(2)));
    }
}

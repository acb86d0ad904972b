package io.mproc.bench.python;

import io.mproc.bench.latency.LatencySummary;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One line of {@code mp_bench.py}'s output: a repetition of a latency measurement
 * ({@code PYLAT subject=queue rep=1 count=N median_ns=.. p90_ns=.. p99_ns=.. p999_ns=.. max_ns=..}),
 * a repetition of a scalar one ({@code PYVAL subject=queue metric=msgs_per_s unit=msgs/s rep=1 value=..}),
 * or facts about the interpreter ({@code PYINFO python=3.11.7 method=fork ...}). Anything else the
 * script prints is not a figure.
 */
public sealed interface PythonLine {

    String LATENCY = "PYLAT ";
    String VALUE = "PYVAL ";
    String INFO = "PYINFO ";

    /** One repetition of round trips of {@code subject}, in ns. */
    record Latency(String subject, LatencySummary summary) implements PythonLine {
    }

    /** One repetition of {@code metric} of {@code subject}, in {@code unit}. */
    record Value(String subject, String metric, String unit, double value) implements PythonLine {
    }

    /** The interpreter and settings of the run, for the report's notes. */
    record Info(Map<String, String> facts) implements PythonLine {
        public Info {
            facts = Map.copyOf(facts);
        }
    }

    /** The line as a figure's repetition or info, or empty if it is neither. */
    static Optional<PythonLine> parse(String line) {
        if (line.startsWith(LATENCY)) {
            Map<String, String> f = fields(line, LATENCY);
            try {
                return Optional.of(new Latency(required(f, "subject", line), new LatencySummary(
                    Long.parseLong(required(f, "count", line)),
                    Double.parseDouble(required(f, "median_ns", line)),
                    Double.parseDouble(required(f, "p90_ns", line)),
                    Double.parseDouble(required(f, "p99_ns", line)),
                    Double.parseDouble(required(f, "p999_ns", line)),
                    Double.parseDouble(required(f, "max_ns", line)))));
            } catch (NumberFormatException bad) {
                throw new IllegalArgumentException("malformed Python latency line: " + line, bad);
            }
        }
        if (line.startsWith(VALUE)) {
            Map<String, String> f = fields(line, VALUE);
            try {
                return Optional.of(new Value(required(f, "subject", line), required(f, "metric", line),
                    required(f, "unit", line), Double.parseDouble(required(f, "value", line))));
            } catch (NumberFormatException bad) {
                throw new IllegalArgumentException("malformed Python value line: " + line, bad);
            }
        }
        if (line.startsWith(INFO)) {
            return Optional.of(new Info(fields(line, INFO)));
        }
        return Optional.empty();
    }

    private static Map<String, String> fields(String line, String prefix) {
        Map<String, String> fields = new HashMap<>();
        for (String token : line.substring(prefix.length()).trim().split("\\s+")) {
            int eq = token.indexOf('=');
            if (eq > 0) {
                fields.put(token.substring(0, eq), token.substring(eq + 1));
            }
        }
        return fields;
    }

    private static String required(Map<String, String> fields, String key, String line) {
        String value = fields.get(key);
        if (value == null) {
            throw new IllegalArgumentException("Python line without " + key + ": " + line);
        }
        return value;
    }
}

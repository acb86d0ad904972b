package io.mproc.bench.floor;

import io.mproc.bench.latency.LatencySummary;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One repetition as the C floor program prints it:
 * {@code FLOOR test=spin cpus=0,1 rep=1 count=N median_ns=.. p90_ns=.. p99_ns=.. p999_ns=.. max_ns=..}.
 */
public final class FloorLine {

    static final String PREFIX = "FLOOR ";

    private FloorLine() {
    }

    /** The repetition's statistics, or empty if {@code line} is not a floor line. */
    public static Optional<LatencySummary> parse(String line) {
        if (!line.startsWith(PREFIX)) {
            return Optional.empty();
        }
        Map<String, String> fields = new HashMap<>();
        for (String token : line.substring(PREFIX.length()).trim().split("\\s+")) {
            int eq = token.indexOf('=');
            if (eq > 0) {
                fields.put(token.substring(0, eq), token.substring(eq + 1));
            }
        }
        try {
            return Optional.of(new LatencySummary(
                Long.parseLong(required(fields, "count", line)),
                Double.parseDouble(required(fields, "median_ns", line)),
                Double.parseDouble(required(fields, "p90_ns", line)),
                Double.parseDouble(required(fields, "p99_ns", line)),
                Double.parseDouble(required(fields, "p999_ns", line)),
                Double.parseDouble(required(fields, "max_ns", line))));
        } catch (NumberFormatException bad) {
            throw new IllegalArgumentException("malformed floor line: " + line, bad);
        }
    }

    private static String required(Map<String, String> fields, String key, String line) {
        String value = fields.get(key);
        if (value == null) {
            throw new IllegalArgumentException("floor line without " + key + ": " + line);
        }
        return value;
    }
}

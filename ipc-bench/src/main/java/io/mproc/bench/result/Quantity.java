package io.mproc.bench.result;

import java.util.Locale;

/** Formats numbers for people: times in the unit that keeps them short, rates in millions. */
public final class Quantity {

    private Quantity() {
    }

    public static String format(double value, String unit) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return switch (unit) {
            case "ns" -> nanos(value);
            case "ms" -> String.format(Locale.ROOT, "%.1f ms", value);
            case "msgs/s", "tasks/s" -> value >= 1e6
                ? String.format(Locale.ROOT, "%.2f M %s", value / 1e6, unit)
                : String.format(Locale.ROOT, "%.0f %s", value, unit);
            case "ratio" -> ratio(value);
            default -> plain(value) + " " + unit;
        };
    }

    /** A number without trailing zeros: 1.5, 30, 0.125. */
    public static String plain(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, "%.4g", value).replaceAll("\\.?0+$", "");
    }

    /**
     * Two decimals, or three significant digits below 0.1, so that a figure hundreds of times
     * below its floor (mproc's round trip beside Python's) does not print as 0.00×.
     */
    private static String ratio(double value) {
        if (value == 0 || Math.abs(value) >= 0.1) {
            return String.format(Locale.ROOT, "%.2f×", value);
        }
        return String.format(Locale.ROOT, "%.3g×", value);
    }

    private static String nanos(double ns) {
        if (ns < 10_000) {
            return String.format(Locale.ROOT, "%.0f ns", ns);
        }
        if (ns < 1_000_000) {
            return String.format(Locale.ROOT, "%.1f µs", ns / 1e3);
        }
        return String.format(Locale.ROOT, "%.2f ms", ns / 1e6);
    }
}

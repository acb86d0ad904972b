package io.mproc.bench.result;

import java.util.Locale;

/** What a figure must reach: a bound relative to a floor of the same run, or an absolute one. */
public sealed interface Target {

    /** Whether {@code value} (and its ratio to the floor, NaN when there is none) meets the target. */
    boolean isMet(double value, double ratio);

    /** Whether the target can only be judged against a floor measured in the same run. */
    boolean needsFloor();

    /** The target as the report prints it. */
    String describe();

    /** At most {@code factor} times the floor, e.g. median RTT ≤ 1.5× the cache-line floor. */
    record AtMostTimesFloor(double factor) implements Target {
        @Override
        public boolean isMet(double value, double ratio) {
            return !Double.isNaN(ratio) && ratio <= factor;
        }

        @Override
        public boolean needsFloor() {
            return true;
        }

        @Override
        public String describe() {
            return String.format(Locale.ROOT, "≤ %s× floor", Quantity.plain(factor));
        }
    }

    /** At most {@code bound} in the figure's unit, e.g. p99 ≤ 1000 ns. */
    record AtMost(double bound, String unit) implements Target {
        @Override
        public boolean isMet(double value, double ratio) {
            return value <= bound;
        }

        @Override
        public boolean needsFloor() {
            return false;
        }

        @Override
        public String describe() {
            return "≤ " + Quantity.format(bound, unit);
        }
    }

    /** At least {@code bound} in the figure's unit, e.g. ≥ 30 M msgs/s. */
    record AtLeast(double bound, String unit) implements Target {
        @Override
        public boolean isMet(double value, double ratio) {
            return value >= bound;
        }

        @Override
        public boolean needsFloor() {
            return false;
        }

        @Override
        public String describe() {
            return "≥ " + Quantity.format(bound, unit);
        }
    }
}

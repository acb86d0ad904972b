package io.mproc.examples;

import java.time.Duration;

/**
 * {@link Thread#sleep} for the examples: a pause is as long as the example says, unless the
 * system property {@value #SCALE_PROPERTY} (such as {@code 0.1}) shortens it, which only the
 * examples' tests do. The property's name starts with {@code mproc.}, so every JVM that mproc
 * starts from an example inherits it.
 */
public final class Pause {
    /** System property: a factor every pause is multiplied by (default 1). */
    public static final String SCALE_PROPERTY = "mproc.examples.sleepScale";

    private Pause() {
    }

    /** Sleeps for {@code duration}, scaled. */
    public static void sleep(Duration duration) throws InterruptedException {
        Thread.sleep(scaled(duration));
    }

    /** {@code duration} times the scale. */
    public static Duration scaled(Duration duration) {
        String scale = System.getProperty(SCALE_PROPERTY);
        if (scale == null) {
            return duration;
        }
        double factor = Double.parseDouble(scale);
        if (!(factor >= 0 && factor <= 1)) {
            throw new IllegalArgumentException(SCALE_PROPERTY + "=" + scale + " (expected: 0 to 1)");
        }
        return Duration.ofNanos(Math.round(duration.toNanos() * factor));
    }
}

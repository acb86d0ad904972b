package io.mproc.bench.harness;

import io.mproc.bench.channel.ChannelSpec;
import io.mproc.bench.channel.PeerWatch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * When each message of a fixed-rate stream is meant to be sent: message {@code n} (1, 2, 3...)
 * at {@code start + (n - 1) / rate}, in {@link System#nanoTime()} terms. Both JVMs compute the
 * same times: on Linux {@code System.nanoTime()} reads {@code CLOCK_MONOTONIC}, one clock for
 * every process of the machine, so a time taken in the sender means the same instant in the
 * receiver. The receiver, already waiting for the first message, picks the start a little ahead
 * and announces it in a file of the channel; the sender waits for that file, then sends.
 *
 * <p>Latency is measured from this intended time, not from when the sender got round to
 * sending: a sender held up (by a full channel, a pause) sends late, and every message it should
 * have sent meanwhile counts its wait — the coordinated omission a back-to-back measurement hides.
 */
public record FixedRateSchedule(long startNanos, long ratePerSecond) {

    /** The spec option that carries the rate to the sender. */
    static final String RATE_OPTION = "rate";
    /** How far ahead of its announcement the schedule starts: the sender has read it by then. */
    static final Duration LEAD = Duration.ofMillis(20);

    private static final String START_SUFFIX = ".start";
    private static final String START_KEY = "start-nanos=";

    public FixedRateSchedule {
        if (ratePerSecond < 1 || ratePerSecond > 1_000_000_000L) {
            throw new IllegalArgumentException("rate " + ratePerSecond + " msgs/s (expected: 1 to 1,000,000,000)");
        }
    }

    /** When message {@code sequence} (from 1) is meant to be sent. */
    public long intendedNanos(long sequence) {
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence " + sequence + " (expected: from 1)");
        }
        return startNanos + Math.multiplyExact(sequence - 1, 1_000_000_000L) / ratePerSecond;
    }

    /**
     * The receiver's side: a schedule starting {@link #LEAD} from now, written where
     * {@link #await} finds it.
     */
    static FixedRateSchedule announce(ChannelSpec spec) throws IOException {
        FixedRateSchedule schedule = new FixedRateSchedule(System.nanoTime() + LEAD.toNanos(), rateOf(spec));
        Path partial = spec.file(START_SUFFIX + ".partial");
        Files.writeString(partial, START_KEY + schedule.startNanos() + "\n", StandardCharsets.UTF_8);
        Files.move(partial, spec.file(START_SUFFIX), StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
        return schedule;
    }

    /**
     * The sender's side: the schedule the receiver of {@code spec} announced, once it has;
     * {@code watch} stops the wait if the receiver is gone.
     */
    static FixedRateSchedule await(ChannelSpec spec, PeerWatch watch) throws IOException, InterruptedException {
        Path file = spec.file(START_SUFFIX);
        while (!Files.exists(file)) {
            watch.check();
            Thread.sleep(1);
        }
        String text = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (!text.startsWith(START_KEY)) {
            throw new IOException(file + " holds no start time: " + text);
        }
        return new FixedRateSchedule(Long.parseLong(text.substring(START_KEY.length())), rateOf(spec));
    }

    private static long rateOf(ChannelSpec spec) {
        String rate = spec.option(RATE_OPTION, null);
        if (rate == null) {
            throw new IllegalArgumentException(spec.id() + ": no " + RATE_OPTION + " option for a fixed-rate stream");
        }
        return Long.parseLong(rate);
    }

    /** {@code 100k}, {@code 1m}, {@code 250}: a rate as subjects name it. */
    public static String label(long ratePerSecond) {
        if (ratePerSecond % 1_000_000 == 0) {
            return ratePerSecond / 1_000_000 + "m";
        }
        if (ratePerSecond % 1_000 == 0) {
            return ratePerSecond / 1_000 + "k";
        }
        return Long.toString(ratePerSecond);
    }
}

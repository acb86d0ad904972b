package io.mproc.bench.harness;

import io.mproc.bench.channel.ChannelCatalog;
import io.mproc.bench.channel.ChannelSpec;
import io.mproc.bench.channel.PeerGoneException;
import io.mproc.bench.channel.PeerWatch;
import io.mproc.bench.channel.PingPongChannel;
import io.mproc.bench.channel.SpinWait;
import io.mproc.bench.channel.Ponger;
import io.mproc.bench.channel.StdioLink;
import io.mproc.bench.channel.StdioPingPongChannel;
import io.mproc.bench.channel.StdioStreamChannel;
import io.mproc.bench.channel.StreamChannel;
import io.mproc.bench.channel.StreamProducer;
import io.mproc.bench.channel.mproc.MpmcGroup;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The peer JVM's entry point: {@code pong} echoes round trips, {@code produce} sends a stream,
 * {@code produce-at-rate} sends one on a {@link FixedRateSchedule},
 * {@code group-produce} / {@code group-consume} are members of an {@link MpmcGroup}. For a
 * channel carried by this process's stdin and stdout it says READY and DONE on stderr.
 * Arguments are {@code key=value} ({@code channel}, {@code count}, {@code parent}, {@code limit-ms}
 * and the {@link ChannelSpec}). The peer stops by itself when the bench JVM is gone or the
 * time limit passes, so a crashed bench never leaves a core spinning.
 */
public final class PeerMain {

    static final String READY = "READY";
    static final String DONE = "DONE";

    private PeerMain() {
    }

    public static void main(String[] args) {
        try {
            run(args);
            System.exit(0);
        } catch (Throwable failed) {
            failed.printStackTrace(System.out);
            System.out.flush();
            System.exit(1);
        }
    }

    private static void run(String[] args) throws Exception {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: PeerMain pong|produce key=value...");
        }
        Map<String, String> options = parse(args);
        String channel = required(options, "channel");
        long count = Long.parseLong(required(options, "count"));
        ChannelSpec spec = ChannelSpec.fromArgs(options);
        PeerWatch watch = watch(Long.parseLong(required(options, "parent")),
            Long.parseLong(required(options, "limit-ms")));
        switch (args[0]) {
            case "pong" -> {
                PingPongChannel pingPong = ChannelCatalog.pingPong(channel);
                try (Ponger ponger = pingPong instanceof StdioPingPongChannel overStdio
                    ? overStdio.openPonger(spec, watch, takeStdio()) : pingPong.openPonger(spec, watch)) {
                    say(READY);
                    // On a thread of its own name, so the bench can read the waiting thread's CPU
                    // apart from the JVM's (the launcher's main thread keeps the OS name "java").
                    onWaiterThread(() -> {
                        for (long sequence = 1; sequence <= count; sequence++) {
                            ponger.echo(sequence);
                        }
                    });
                }
            }
            case "produce" -> {
                StreamChannel stream = ChannelCatalog.stream(channel);
                try (StreamProducer producer = stream instanceof StdioStreamChannel overStdio
                    ? overStdio.openProducer(spec, watch, takeStdio()) : stream.openProducer(spec, watch)) {
                    say(READY);
                    for (long value = 1; value <= count; value++) {
                        producer.send(value);
                    }
                }
            }
            case FixedRateHarness.ROLE -> {
                try (StreamProducer producer = ChannelCatalog.stream(channel).openProducer(spec, watch)) {
                    say(READY);
                    FixedRateHarness.send(producer, FixedRateSchedule.await(spec, watch), count, new SpinWait(watch),
                        System::nanoTime);
                }
            }
            case "group-produce" -> {
                try (MpmcGroup group = MpmcGroup.attach(spec)) {
                    say(READY);
                    group.produce(Integer.parseInt(spec.option(MpmcGroup.PRODUCER_OPTION, "0")), count, watch);
                }
            }
            case "group-consume" -> {
                try (MpmcGroup group = MpmcGroup.attach(spec)) {
                    say(READY);
                    group.consumeUntil(count, watch);
                }
            }
            default -> throw new IllegalArgumentException("unknown role " + args[0]);
        }
        say(DONE);
    }

    /**
     * This process's stdin and stdout for a channel carried by them. From now on everything this
     * JVM prints with {@code System.out} (READY, DONE, a stack trace, a library's chatter) goes to
     * stderr, where the bench reads it, so that nothing but the channel's bytes reach stdout.
     */
    private static StdioLink takeStdio() {
        StdioLink own = new StdioLink(new FileInputStream(FileDescriptor.in), new FileOutputStream(FileDescriptor.out));
        System.out.flush();
        System.setOut(System.err);
        return own;
    }

    /** The OS thread name of the peer's waiting side. */
    static final String WAITER_THREAD = "peer-waiter";

    private static void onWaiterThread(Runnable work) throws InterruptedException {
        Throwable[] failure = new Throwable[1];
        Thread waiter = Thread.ofPlatform().name(WAITER_THREAD).start(() -> {
            try {
                work.run();
            } catch (Throwable failed) {
                failure[0] = failed;
            }
        });
        waiter.join();
        if (failure[0] instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure[0] instanceof Error error) {
            throw error;
        }
    }

    private static PeerWatch watch(long parentPid, long limitMillis) {
        Optional<ProcessHandle> parent = ProcessHandle.of(parentPid);
        long deadline = System.nanoTime() + limitMillis * 1_000_000L;
        return () -> {
            if (parent.isEmpty() || !parent.get().isAlive()) {
                throw new PeerGoneException("bench JVM " + parentPid + " is gone");
            }
            if (System.nanoTime() - deadline > 0) {
                throw new PeerGoneException("time limit of " + limitMillis + " ms passed");
            }
        };
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("expected key=value: " + args[i]);
            }
            options.put(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        return options;
    }

    private static String required(Map<String, String> options, String key) {
        String value = options.get(key);
        if (value == null) {
            throw new IllegalArgumentException("missing " + key + "=...");
        }
        return value;
    }
}

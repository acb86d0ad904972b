package io.mproc.bench.harness;

import io.mproc.bench.channel.ChannelSpec;
import io.mproc.bench.channel.PeerGoneException;
import io.mproc.bench.channel.PeerWatch;
import io.mproc.bench.channel.StdioLink;
import io.mproc.bench.channel.agrona.AgronaJvm;
import io.mproc.bench.channel.chronicle.ChronicleJvm;
import io.mproc.bench.machine.PinningPlan;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The peer JVM of one measurement: started with the bench's java and class path, under
 * {@code taskset} when the plan pins, running {@link PeerMain}. Its output is kept for error
 * messages; it says {@code READY} once its side of the channel is open. A peer started with
 * piped standard streams (for a channel carried by them) keeps its stdin and stdout for the
 * channel ({@link #stdio()}) and says everything else on stderr.
 */
public final class PeerProcess implements AutoCloseable {

    /**
     * JVM options of every peer: FFM for channels that call native code, what Agrona and
     * Chronicle Queue need on JDK 25, a GC that stays out of the way, and a heap whose pages are
     * touched at start ({@code AlwaysPreTouch}, as latency deployments run): otherwise a channel
     * that allocates (a queue of {@code Long} decodes one per take) takes a page fault every
     * 4 KiB of its first pass through a fresh heap, which a quick run never leaves, and its p99
     * shows page faults, not the channel. The bench JVM gets the same from the pom.
     */
    static final List<String> JVM_OPTIONS = Stream.of(
        Stream.of("--enable-native-access=ALL-UNNAMED", "-XX:+UseSerialGC", "-XX:+AlwaysPreTouch"),
        AgronaJvm.JVM_OPTIONS.stream(), ChronicleJvm.JVM_OPTIONS.stream()).flatMap(s -> s).distinct().toList();

    private final Process process;
    private final boolean stdioPiped;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private final Thread pump;
    private final long deadlineNanos;

    private PeerProcess(Process process, boolean stdioPiped, long deadlineNanos) {
        this.process = process;
        this.stdioPiped = stdioPiped;
        this.deadlineNanos = deadlineNanos;
        InputStream said = stdioPiped ? process.getErrorStream() : process.getInputStream();
        this.pump = Thread.ofPlatform().daemon().name("peer-output-" + process.pid()).start(() -> pumpOutput(said));
    }

    /**
     * Starts a peer in {@code role} for {@code channel}, to handle {@code count} messages; it
     * gives up by itself after {@code limit}, or as soon as this JVM is gone.
     */
    public static PeerProcess start(PinningPlan pinning, String role, String channel, ChannelSpec spec, long count,
                                    Duration limit) throws IOException {
        return start(pinning, role, channel, spec, count, limit, false);
    }

    /**
     * As {@link #start(PinningPlan, String, String, ChannelSpec, long, Duration)}; with
     * {@code stdioPiped} the peer's stdin and stdout stay pipes to this JVM ({@link #stdio()}),
     * and what it says (READY, DONE, errors) is read from its stderr.
     */
    static PeerProcess start(PinningPlan pinning, String role, String channel, ChannelSpec spec, long count,
                             Duration limit, boolean stdioPiped) throws IOException {
        List<String> command = new ArrayList<>(pinning.peerPrefix());
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(PeerMain.class.getName());
        command.add(role);
        command.add("channel=" + channel);
        command.add("count=" + count);
        command.add("parent=" + ProcessHandle.current().pid());
        command.add("limit-ms=" + limit.toMillis());
        command.addAll(spec.toArgs());
        Process process = new ProcessBuilder(command).redirectErrorStream(!stdioPiped).start();
        if (!stdioPiped) {
            process.getOutputStream().close();
        }
        return new PeerProcess(process, stdioPiped, System.nanoTime() + limit.toNanos());
    }

    /**
     * This JVM's ends of the peer's stdin and stdout, for a channel carried by them; closing
     * {@code out} gives the peer end-of-file.
     */
    public StdioLink stdio() {
        if (!stdioPiped) {
            throw new IllegalStateException("peer " + process.pid() + " was started without piped stdin and stdout");
        }
        return new StdioLink(process.getInputStream(), process.getOutputStream());
    }

    /** Waits until the peer printed READY; throws with its output if it exits or times out first. */
    public void awaitReady(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!output.contains(PeerMain.READY)) {
            if (!process.isAlive() && !pump.isAlive() && !output.contains(PeerMain.READY)) {
                throw new IOException("peer exited with " + process.exitValue() + " before READY:\n" + outputText());
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("peer not READY within " + timeout + ":\n" + outputText());
            }
            Thread.sleep(2);
        }
    }

    /** For the measuring side: stop waiting when the peer has died or the run's time is up. */
    public PeerWatch watch() {
        return () -> {
            if (!process.isAlive()) {
                throw new PeerGoneException("peer exited with " + process.exitValue() + ":\n" + outputText());
            }
            if (System.nanoTime() - deadlineNanos > 0) {
                throw new PeerGoneException("run time limit passed; peer output:\n" + outputText());
            }
        };
    }

    /**
     * As {@link #watch()}, for a peer whose work may end before this side's: only a peer that
     * failed (exited with a non-zero status) or the run's time limit stops the waiting.
     */
    public PeerWatch failureWatch() {
        return () -> {
            if (!process.isAlive() && process.exitValue() != 0) {
                throw new PeerGoneException("peer exited with " + process.exitValue() + ":\n" + outputText());
            }
            if (System.nanoTime() - deadlineNanos > 0) {
                throw new PeerGoneException("run time limit passed; peer output:\n" + outputText());
            }
        };
    }

    /** Waits for a clean exit; throws with the peer's output otherwise. */
    public void awaitSuccess(Duration timeout) throws IOException, InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            close();
            throw new IOException("peer did not exit within " + timeout + "; killed. Output:\n" + outputText());
        }
        pump.join(2_000);
        if (process.exitValue() != 0) {
            throw new IOException("peer exited with " + process.exitValue() + ":\n" + outputText());
        }
    }

    public long pid() {
        return process.pid();
    }

    String outputText() {
        return String.join("\n", output);
    }

    /** Kills the peer if it still runs, and waits until it is gone. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException interrupted) {
                // SIGKILL is on its way; keep the interrupt for the caller.
                Thread.currentThread().interrupt();
            }
        }
    }

    private void pumpOutput(InputStream said) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(said, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                output.add(line);
            }
        } catch (IOException closed) {
            // the peer is gone
        }
    }
}

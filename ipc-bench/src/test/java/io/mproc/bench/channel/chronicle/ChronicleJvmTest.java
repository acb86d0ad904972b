package io.mproc.bench.channel.chronicle;

import io.mproc.bench.channel.ChannelSpec;
import io.mproc.bench.channel.ChannelUnavailableException;
import io.mproc.bench.channel.PeerWatch;
import io.mproc.bench.channel.StreamConsumer;
import io.mproc.bench.channel.StreamProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Chronicle Queue starts in the JVMs the bench makes, silently (a child JVM prints nothing but
 * its own line), and a JVM without its flags gets a clear reason instead of Chronicle's errors.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ChronicleJvmTest {

    @TempDir
    Path dir;

    @Test
    void theSurefireJvmHasEveryFlagPeersGet() {
        List<String> arguments = ManagementFactory.getRuntimeMXBean().getInputArguments();
        for (String flag : ChronicleJvm.JVM_OPTIONS) {
            assertTrue(arguments.contains(flag), flag + " missing from bench.chronicle.jvm.flags: " + arguments);
        }
        assertNull(ChronicleJvm.unavailableReason());
    }

    @Test
    void chronicleStartsSilentlyWithoutBannerAnalyticsOrDiskMonitorThread() throws Exception {
        List<String> flags = new ArrayList<>(ChronicleJvm.JVM_OPTIONS);
        flags.add("--enable-native-access=ALL-UNNAMED");
        assertEquals("3 values, no disk monitor\n", runChild(flags));
    }

    @Test
    void aJvmWithoutTheFlagsSaysWhichAreMissingInsteadOfFailingInChronicle() throws Exception {
        String output = runChild(List.of());
        assertTrue(output.startsWith("unavailable: Chronicle Queue cannot run in this JVM: it lacks "), output);
        assertTrue(output.contains("--add-opens=java.base/java.lang.reflect=ALL-UNNAMED"), output);
        assertTrue(output.contains("--add-exports=java.base/sun.nio.ch=ALL-UNNAMED"), output);
    }

    /** Everything a child JVM running {@link StreamThree} with {@code flags} printed, stdout and stderr. */
    private String runChild(List<String> flags) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(flags);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), StreamThree.class.getName(),
            dir.toString()));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            child.getOutputStream().close();
            String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), output);
            assertEquals(0, child.exitValue(), output);
            return output;
        } finally {
            child.destroyForcibly().waitFor();
        }
    }

    /** Streams three values through a Chronicle channel within one JVM and prints what happened, and nothing else. */
    static final class StreamThree {
        public static void main(String[] args) throws Exception {
            ChronicleStream channel = new ChronicleStream("chronicle-queue");
            ChannelSpec spec = new ChannelSpec(Path.of(args[0]), "three", 8);
            try (StreamConsumer consumer = channel.openConsumer(spec, PeerWatch.NONE);
                 StreamProducer producer = channel.openProducer(spec, PeerWatch.NONE)) {
                for (long value = 1; value <= 3; value++) {
                    producer.send(value);
                }
                int taken = 0;
                for (int tries = 0; taken < 3 && tries < 1_000; tries++) {
                    taken += consumer.drain(3 - taken);
                }
                boolean monitor = Thread.getAllStackTraces().keySet().stream()
                    .anyMatch(thread -> thread.getName().contains("disk~space"));
                System.out.println(taken + " values, " + (monitor ? "a disk monitor" : "no disk monitor"));
            } catch (ChannelUnavailableException unavailable) {
                System.out.println("unavailable: " + unavailable.getMessage());
            }
        }
    }
}

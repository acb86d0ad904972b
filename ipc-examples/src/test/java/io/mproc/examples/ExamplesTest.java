package io.mproc.examples;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The launcher lists and runs the examples; the main demo and the README's ring sample run. */
class ExamplesTest extends ExampleTestBase {

    @Test
    void withoutAnArgumentTheLauncherListsEveryExampleWithItsSummary() throws Exception {
        List<String> output = run();
        assertEquals(Examples.ALL.size() + 1, output.size(), output.toString());
        assertTrue(output.getFirst().contains("-Pexample -Dexample=<name>"), output.getFirst());
        for (int i = 0; i < Examples.ALL.size(); i++) {
            Examples.Example example = Examples.ALL.get(i);
            assertEquals(String.format("  %-20s %s", example.name(), example.summary()), output.get(i + 1));
        }
    }

    @Test
    void anUnknownNameFailsWithTheList() throws Exception {
        var jvm = start("no-such-example");
        assertEquals(2, jvm.awaitExit(RUN_TIMEOUT));
        assertEquals("unknown example \"no-such-example\"; the examples are:", jvm.output().getFirst());
    }

    @Test
    void aJvmStartedWithoutMprocsFlagRunsTheExampleInOneWithIt() throws Exception {
        // Output to a file, not a pipe: a relaunched JVM that hangs holding the pipe open would
        // block a reader past every timeout.
        Path output = Files.createTempFile("relaunch", ".out");
        try {
            Process plain = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dmproc.dir=" + regionRoot(), "-cp", System.getProperty("java.class.path"), Examples.class.getName(),
                "ring")
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            // It runs the example in a JVM of its own: that one must be gone after the test too.
            watchDescendants(plain);
            if (!plain.waitFor(RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                plain.descendants().forEach(ProcessHandle::destroyForcibly);
                plain.destroyForcibly().waitFor();
                fail("the relaunching JVM did not exit within " + RUN_TIMEOUT + ": " + Files.readAllLines(output));
            }
            assertEquals(List.of("true 1 EURUSD 1.0842"), Files.readAllLines(output), "no warning about restricted methods");
            assertEquals(0, plain.exitValue());
        } finally {
            Files.deleteIfExists(output);
        }
    }

    @Test
    void quickStartSendsAndReceivesOneMessage() throws Exception {
        assertEquals(List.of("true 1 EURUSD 1.0842"), run("ring"));
    }

    @Test
    void demoPrintsRoundTripPercentilesFromTwoJvms() throws Exception {
        List<String> output = run("demo");
        assertTrue(output.getFirst().startsWith("mproc demo: two JVMs"), output.toString());
        assertTrue(output.stream().anyMatch(line -> line.matches("RTT median [\\d,]+ ns +p90 .* max [\\d,]+ ns")),
            output.toString());
    }
}

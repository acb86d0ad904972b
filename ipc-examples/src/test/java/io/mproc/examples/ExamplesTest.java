package io.mproc.examples;

import static org.junit.jupiter.api.Assertions.*;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every example runs in its own JVM and prints what its documentation says. */
@Timeout(120)
class ExamplesTest {

    @Test
    void readmeSampleIsTheCompiledQuickStart() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        String block = readme.substring(readme.indexOf("```java", readme.indexOf("## Code sample")) + "```java\n".length());
        block = block.substring(0, block.indexOf("```"));
        String source = Files.readString(Path.of("src/main/java/io/mproc/examples/RingQuickStart.java"));
        String sample = source.substring(source.indexOf("// README-SAMPLE-START") + "// README-SAMPLE-START\n".length(),
            source.indexOf("// README-SAMPLE-END"));
        assertEquals(dedent(sample).strip(), block.strip(), "README code sample differs from RingQuickStart");
    }

    @Test
    void quickStartSendsAndReceivesOneMessage() throws Exception {
        List<String> output = run(RingQuickStart.class);
        assertEquals(List.of("true 1 EURUSD 1.0842"), output);
    }

    @Test
    void demoPrintsRoundTripPercentilesFromTwoJvms() throws Exception {
        List<String> output = run(Demo.class);
        assertTrue(output.getFirst().startsWith("mproc demo: two JVMs"), output.toString());
        assertTrue(output.stream().anyMatch(line -> line.matches("RTT median [\\d,]+ ns +p90 .* max [\\d,]+ ns")),
            output.toString());
    }

    private static List<String> run(Class<?> main) throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), main.getName())
            .redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            reader.lines().forEach(lines::add);
        } finally {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        assertEquals(0, process.exitValue(), main.getSimpleName() + " failed: " + lines);
        return lines;
    }

    private static String dedent(String text) {
        List<String> lines = text.lines().toList();
        int indent = lines.stream().filter(line -> !line.isBlank())
            .mapToInt(line -> line.length() - line.stripLeading().length()).min().orElse(0);
        return lines.stream().map(line -> line.length() >= indent ? line.substring(indent) : line.strip())
            .collect(Collectors.joining("\n"));
    }
}

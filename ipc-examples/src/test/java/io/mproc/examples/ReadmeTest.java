package io.mproc.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The root README stays true to the code: every Java block in it is quoted from an example that
 * is compiled (and run by the examples' own tests), its dependency snippet names this build,
 * its test command is the one CI runs, and every example it names exists.
 *
 * <p>A Java block is quoted like this: the line before its fence is
 * {@code <!-- quoted from <path from the repository root> -->}, and the block is the lines of
 * that file between {@code // README-SAMPLE-START} and {@code // README-SAMPLE-END}, without
 * their common indentation.
 */
class ReadmeTest {
    private static final Path ROOT = Path.of("..");
    private static final String START = "// README-SAMPLE-START";
    private static final String END = "// README-SAMPLE-END";
    private static final Pattern JAVA_FENCE = Pattern.compile("^```java$", Pattern.MULTILINE);
    private static final Pattern QUOTED_BLOCK = Pattern.compile(
        "^<!-- quoted from (\\S+) -->\\n```java\\n(.*?)^```$", Pattern.MULTILINE | Pattern.DOTALL);

    @Test
    void everyJavaBlockIsQuotedFromACompiledExample() throws IOException {
        String readme = readme();
        List<String> quoted = new ArrayList<>();
        Matcher block = QUOTED_BLOCK.matcher(readme);
        while (block.find()) {
            String path = block.group(1);
            assertEquals(sample(path), block.group(2).strip(), "README block quoted from " + path + " differs from it");
            quoted.add(path);
        }
        assertFalse(quoted.isEmpty(), "the README quotes no example");
        assertEquals(JAVA_FENCE.matcher(readme).results().count(), quoted.size(),
            "every ```java block of the README must follow a line <!-- quoted from <path> --> (quoted: " + quoted + ")");
    }

    @Test
    void everyMarkedSampleIsQuotedInTheReadme() throws IOException {
        String readme = readme();
        Path sources = ROOT.resolve("ipc-examples/src/main/java");
        List<String> unquoted;
        try (Stream<Path> files = Files.walk(sources)) {
            unquoted = files.filter(file -> file.toString().endsWith(".java"))
                .filter(ReadmeTest::hasSample)
                .map(file -> ROOT.relativize(file).toString().replace('\\', '/'))
                .filter(path -> !readme.contains("<!-- quoted from " + path + " -->"))
                .toList();
        }
        assertEquals(List.of(), unquoted, "examples marked as README samples that the README does not quote");
    }

    @Test
    void dependencySnippetNamesThisBuild() throws IOException {
        Matcher version = Pattern.compile("<artifactId>mproc-parent</artifactId>\\s*<version>([^<]+)</version>")
            .matcher(Files.readString(ROOT.resolve("pom.xml")));
        assertTrue(version.find(), "the root pom's version");
        String dependency = "<dependency>\n  <groupId>io.mproc</groupId>\n  <artifactId>ipc-core</artifactId>\n"
            + "  <version>" + version.group(1) + "</version>\n</dependency>";
        assertTrue(readme().contains("```xml\n" + dependency + "\n```"), "the README's dependency snippet:\n" + dependency);
    }

    @Test
    void testCommandIsTheOneCiRuns() throws IOException {
        List<String> ci = Files.readAllLines(ROOT.resolve(".ci/run")).stream()
            .filter(line -> line.startsWith("mvn ")).toList();
        assertEquals(1, ci.size(), ".ci/run runs one Maven command: " + ci);
        assertTrue(readme().contains("\n" + ci.getFirst() + " "), "the README's test command is .ci/run's: " + ci.getFirst());
    }

    @Test
    void everyExampleTheReadmeNamesExists() throws IOException {
        Set<String> named = new TreeSet<>();
        Matcher command = Pattern.compile("-Dexample=\"?([a-z-]+)").matcher(readme());
        while (command.find()) {
            named.add(command.group(1));
        }
        Matcher row = Pattern.compile("^\\| `([a-z-]+)` \\|", Pattern.MULTILINE).matcher(section("## Examples"));
        while (row.find()) {
            named.add(row.group(1));
        }
        assertTrue(named.size() > 5, "examples named in the README: " + named);
        assertEquals(Set.of(), named.stream().filter(name -> Examples.find(name).isEmpty())
            .collect(Collectors.toCollection(TreeSet::new)), "examples the README names that the launcher does not know");
    }

    private static String readme() throws IOException {
        return Files.readString(ROOT.resolve("README.md"));
    }

    /** The README from {@code heading} to the next heading of its level. */
    private static String section(String heading) throws IOException {
        String readme = readme();
        int start = readme.indexOf("\n" + heading + "\n");
        if (start < 0) {
            fail("the README has no section " + heading);
        }
        int end = readme.indexOf("\n## ", start + heading.length() + 2);
        return readme.substring(start, end < 0 ? readme.length() : end);
    }

    private static boolean hasSample(Path file) {
        try {
            return Files.readString(file).contains(START);
        } catch (IOException unreadable) {
            throw new IllegalStateException("cannot read " + file, unreadable);
        }
    }

    /** The lines of {@code path} between the markers, without their common indentation. */
    private static String sample(String path) throws IOException {
        String source = Files.readString(ROOT.resolve(path));
        int start = source.indexOf(START);
        int end = source.indexOf(END);
        if (start < 0 || end < start) {
            fail(path + " has no " + START + " ... " + END + " lines");
        }
        List<String> lines = source.substring(source.indexOf('\n', start) + 1, end).lines().toList();
        int indent = lines.stream().filter(line -> !line.isBlank())
            .mapToInt(line -> line.length() - line.stripLeading().length()).min().orElse(0);
        return lines.stream().map(line -> line.length() >= indent ? line.substring(indent) : line.strip())
            .collect(Collectors.joining("\n")).strip();
    }
}

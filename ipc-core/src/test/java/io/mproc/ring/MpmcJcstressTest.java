package io.mproc.ring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mproc.testing.ChildJvm;
import io.mproc.testing.NoLeaksExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the jcstress tests of {@code io.mproc.ring.jcstress} (the production {@link MpmcRing}
 * over plain memory) in a child JVM and fails if any outcome marked FORBIDDEN was seen or any
 * test errored. Quick settings, one compilation mode (C2, no split compilation), so the run
 * stays well under a minute on 2 CPUs: a smoke test of the orderings, not an exhaustive search.
 */
@ExtendWith(NoLeaksExtension.class)
@Timeout(150)
class MpmcJcstressTest {
    private static final Pattern SUMMARY = Pattern.compile(
        "\\(Results: (\\d+) planned; (\\d+) passed, (\\d+) failed, (\\d+) soft errs, (\\d+) hard errs\\)");
    private static final int TESTS = 8;

    @Test
    void noForbiddenOutcome() throws InterruptedException {
        ChildJvm jcstress = ChildJvm.start(org.openjdk.jcstress.Main.class, List.of("-Xmx256m"),
            "-t", "io\\.mproc\\.ring\\.jcstress\\.Mpmc.*",
            "-m", "quick", "-iters", "3", "-time", "200", "-sc", "false", "-f", "1", "-c", "2",
            "-jvmArgs", "-XX:+UseSerialGC -Xmx256m",
            "-r", "target/jcstress-results", "-v");
        int exit = jcstress.awaitExit(Duration.ofSeconds(140));
        moveResultBlobsToTarget();
        List<String> output = jcstress.output();
        String all = String.join("\n", output);
        assertEquals(0, exit, "jcstress exit code; output:\n" + all);
        Matcher last = null;
        for (String line : output) {
            Matcher summary = SUMMARY.matcher(line);
            if (summary.find()) {
                last = summary;
            }
        }
        assertTrue(last != null, "no jcstress summary line; output:\n" + all);
        int planned = Integer.parseInt(last.group(1));
        assertTrue(planned >= TESTS, "only " + planned + " jcstress runs planned (tests skipped?)");
        assertEquals(planned, Integer.parseInt(last.group(2)), "jcstress runs passed: " + last.group());
        assertEquals("0", last.group(3), "FAILED jcstress runs: " + last.group());
        assertEquals("0", last.group(4), "jcstress soft errors: " + last.group());
        assertEquals("0", last.group(5), "jcstress hard errors: " + last.group());
        assertTrue(all.contains("Failed tests: No matches."), "jcstress reports failed tests");
        assertTrue(all.contains("Error tests: No matches."), "jcstress reports errors");
    }

    /** jcstress writes its raw result blob into the working directory; keep the module clean. */
    private static void moveResultBlobsToTarget() {
        Path target = Path.of("target", "jcstress-results");
        try (DirectoryStream<Path> blobs = Files.newDirectoryStream(Path.of("."), "jcstress-results-*.bin.gz")) {
            Files.createDirectories(target);
            for (Path blob : blobs) {
                Files.move(blob, target.resolve(blob.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }
}

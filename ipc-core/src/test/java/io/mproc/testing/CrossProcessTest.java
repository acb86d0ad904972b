package io.mproc.testing;

import io.mproc.memory.RegionNamespace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base class for tests that cross a process boundary: every test gets its own fresh
 * {@link #namespace}, a hard timeout, and fails if it leaks child processes or leaves region
 * files behind.
 */
@ExtendWith(NoLeaksExtension.class)
@Timeout(value = 120)
public abstract class CrossProcessTest {
    /** A namespace of this test's own, removed (and checked empty of leftovers) afterwards. */
    protected RegionNamespace namespace;
    private Path directory;

    @BeforeEach
    void openNamespace() {
        namespace = RegionNamespace.open("test-" + getClass().getSimpleName() + "-" + UUID.randomUUID().toString().substring(0, 8));
        directory = namespace.directory();
    }

    @AfterEach
    void closeNamespace() throws IOException {
        namespace.close();
        if (Files.isDirectory(directory)) {
            try (Stream<Path> left = Files.list(directory)) {
                var files = left.toList();
                files.forEach(file -> file.toFile().delete());
                directory.toFile().delete();
                if (!files.isEmpty()) {
                    throw new AssertionError("test left region files behind: " + files);
                }
            }
        }
    }
}

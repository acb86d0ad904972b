package io.mproc.process;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A non-replenishing {@link StandbyJvms} pool for one test class: started before its first test
 * (after the startup cache exists), closed after its last, one standby JVM per warm process
 * the class starts. Standard output is discarded; standard error too, unless a file is named.
 */
final class StandbyPool implements BeforeAllCallback, AfterAllCallback {
    private final int size;
    private final Path stderr;
    private StandbyJvms pool;

    private StandbyPool(int size, Path stderr) {
        this.size = size;
        this.stderr = stderr;
    }

    /** A pool of {@code size} JVMs whose output is discarded. */
    static StandbyPool of(int size) {
        return new StandbyPool(size, null);
    }

    /** A pool of {@code size} JVMs whose standard error goes to {@code file} (emptied first). */
    static StandbyPool withStderr(int size, Path file) {
        return new StandbyPool(size, file.toAbsolutePath());
    }

    StandbyJvms pool() {
        return pool;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        ProcessTestBase.prepareStartupCache();
        LaunchSettings settings = LaunchSettings.defaults().withStdout(Redirect.DISCARD).withStderr(Redirect.DISCARD);
        if (stderr != null) {
            Files.createDirectories(stderr.getParent());
            Files.deleteIfExists(stderr);
            settings = settings.withStderr(Redirect.appendTo(stderr.toFile()));
        }
        pool = StandbyJvms.builder().size(size).replenish(false).settings(settings).start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        pool.close();
    }
}

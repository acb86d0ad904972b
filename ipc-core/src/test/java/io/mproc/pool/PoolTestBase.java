package io.mproc.pool;

import io.mproc.process.LaunchSettings;
import io.mproc.process.StartupCache;
import io.mproc.testing.CrossProcessTest;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;

/**
 * Base of the pool tests: the startup cache exists (under {@code target/}) before any worker
 * starts, so that no training JVM runs during a test; worker output goes to
 * {@code target/pool-workers.log}, not to the test's console.
 */
abstract class PoolTestBase extends CrossProcessTest {
    static final Path WORKER_LOG = Path.of("target", "pool-workers.log").toAbsolutePath();

    @BeforeAll
    static void prepareStartupCache() {
        if (System.getProperty(StartupCache.PROPERTY) == null) {
            System.setProperty(StartupCache.PROPERTY, Path.of("target", "startup-cache").toAbsolutePath().toString());
        }
        StartupCache.prepare();
    }

    /** Launch settings of the tests' workers: standard output discarded, standard error to the log. */
    static LaunchSettings quiet() {
        return LaunchSettings.defaults().withStdout(Redirect.DISCARD).withStderr(Redirect.appendTo(WORKER_LOG.toFile()));
    }
}

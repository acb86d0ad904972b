package io.mproc.process;

import static org.junit.jupiter.api.Assertions.*;

import io.mproc.memory.Region;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Exit codes as Python reports them: 0, n for System.exit(n), 1 for an exception, -N for a
 * death by signal N. The children are warm (one standby JVM per child, started together),
 * which {@link WarmStartTest} shows behave like cold ones.
 */
class JvmProcessExitCodeTest extends ProcessTestBase {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static final Path STDERR = Path.of("target", "exit-code-test", "stderr.txt");
    @RegisterExtension
    static final StandbyPool STANDBYS = StandbyPool.withStderr(7, STDERR);

    @Test
    void exitCodeIsZeroWhenTheTargetReturns() throws Exception {
        try (JvmProcess<Void> process = JvmProcess.run(() -> { }).standby(STANDBYS.pool()).start()) {
            assertTrue(process.join(TIMEOUT));
            assertEquals(OptionalInt.of(0), process.exitCode());
            assertFalse(process.isAlive());
        }
    }

    @Test
    void exitCodeIsTheStatusGivenToSystemExit() throws Exception {
        try (JvmProcess<Void> process = JvmProcess.run(() -> System.exit(3)).standby(STANDBYS.pool()).start()) {
            assertTrue(process.join(TIMEOUT));
            assertEquals(OptionalInt.of(3), process.exitCode());
        }
    }

    @Test
    void exitCodeIsOneAndStderrShowsTheTraceWhenTheTargetThrows() throws Exception {
        try (JvmProcess<Void> process = JvmProcess.run(() -> {
            throw new IllegalStateException("boom in the child");
        }).name("Thrower-1").standby(STANDBYS.pool()).start()) {
            assertTrue(process.join(TIMEOUT));
            assertEquals(OptionalInt.of(1), process.exitCode());
        }
        String stderr = read(STDERR);
        assertTrue(stderr.contains("Process Thrower-1:\njava.lang.IllegalStateException: boom in the child\n\tat "),
            stderr);
    }

    @Test
    void exitCodeIsMinus15WhenTerminatedThoughTheJvmRanItsShutdownHooks() throws Exception {
        Region flags = Targets.flags(namespace, "terminated");
        try (JvmProcess<Void> process = JvmProcess.run((Region f) -> {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> Targets.set(f, 1, 7)));
            Targets.markAndSleep(f);
        }, flags).standby(STANDBYS.pool()).start()) {
            Targets.await(flags, 0, TIMEOUT);
            process.terminate();
            assertTrue(process.join(TIMEOUT));
            assertEquals(OptionalInt.of(-15), process.exitCode());
            assertEquals(7, Targets.get(flags, 1), "the child's shutdown hook ran");
        }
    }

    @Test
    void exitCodeIsMinus9WhenKilled() throws Exception {
        Region flags = Targets.flags(namespace, "killed");
        try (JvmProcess<Void> process = JvmProcess.run(Targets::markAndSleep, flags).standby(STANDBYS.pool()).start()) {
            Targets.await(flags, 0, TIMEOUT);
            process.kill();
            assertTrue(process.join(TIMEOUT));
            assertEquals(OptionalInt.of(-9), process.exitCode());
        }
    }

    @Test
    void exitCodeIsMinus2ForSigintAndMinusNForASignalSentFromOutside() throws Exception {
        Region flags = Targets.flags(namespace, "interrupted");
        try (JvmProcess<Void> interrupted = JvmProcess.run(Targets::markAndSleep, flags).standby(STANDBYS.pool()).start()) {
            Targets.await(flags, 0, TIMEOUT);
            interrupted.signal(UnixSignal.INT);
            assertTrue(interrupted.join(TIMEOUT));
            assertEquals(OptionalInt.of(-2), interrupted.exitCode());
        }
        Region second = Targets.flags(namespace, "usr1");
        try (JvmProcess<Void> killedElsewhere = JvmProcess.run(Targets::markAndSleep, second).standby(STANDBYS.pool()).start()) {
            Targets.await(second, 0, TIMEOUT);
            // Not through the JvmProcess: the parent did not send it, the exit must still read -10.
            new ProcessBuilder("kill", "-USR1", Long.toString(killedElsewhere.pid().orElseThrow())).start().waitFor();
            assertTrue(killedElsewhere.join(TIMEOUT));
            assertEquals(OptionalInt.of(-10), killedElsewhere.exitCode());
        }
    }

    @Test
    void systemExitWithASignalLikeStatusIsNotMistakenForASignal() throws Exception {
        try (JvmProcess<Void> process = JvmProcess.run(() -> System.exit(137)).standby(STANDBYS.pool()).start()) {
            assertTrue(process.join(TIMEOUT));
            assertEquals(OptionalInt.of(137), process.exitCode());
        }
    }
}

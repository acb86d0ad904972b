package io.mproc.process;

import static org.junit.jupiter.api.Assertions.*;

import io.mproc.memory.Region;
import java.lang.ProcessBuilder.Redirect;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** start, join, isAlive, pid, close and their misuse, as Python's Process defines them. */
class JvmProcessLifecycleTest extends ProcessTestBase {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    @RegisterExtension
    static final StandbyPool STANDBYS = StandbyPool.of(5);

    @Test
    void joinWithATimeoutWaitsAtLeastThatLongAndSaysTheChildStillRuns() throws Exception {
        Region flags = Targets.flags(namespace, "sleeper");
        try (JvmProcess<Void> sleeper = JvmProcess.run(Targets::markAndSleep, flags).standby(STANDBYS.pool()).start()) {
            Targets.await(flags, 0, TIMEOUT);
            long before = System.nanoTime();
            assertFalse(sleeper.join(Duration.ofMillis(200)));
            assertTrue(System.nanoTime() - before >= 200_000_000L, "join(200 ms) returned early");
            assertFalse(sleeper.join(Duration.ZERO));
            assertTrue(sleeper.isAlive());
            assertEquals(OptionalInt.empty(), sleeper.exitCode());
            sleeper.terminate();
            assertTrue(sleeper.join(TIMEOUT));
            assertEquals(OptionalInt.of(-15), sleeper.exitCode());
        }
    }

    @Test
    void startingTwiceFails() throws Exception {
        try (JvmProcess<Void> process = JvmProcess.run(() -> { }).standby(STANDBYS.pool()).start()) {
            IllegalStateException twice = assertThrows(IllegalStateException.class, process::start);
            assertEquals("process " + process.name() + " was already started", twice.getMessage());
            process.join();
        }
    }

    @Test
    void beforeStartJoinFailsAndThereIsNoPidNorExitCode() {
        JvmProcess<Void> process = JvmProcess.run(() -> { }).build();
        IllegalStateException early = assertThrows(IllegalStateException.class, process::join);
        assertEquals("process " + process.name() + " has not been started", early.getMessage());
        assertThrows(IllegalStateException.class, process::terminate);
        assertFalse(process.isAlive());
        assertTrue(process.pid().isEmpty());
        assertTrue(process.exitCode().isEmpty());
        process.close();
    }

    @Test
    void closeWhileRunningFailsAndAfterCloseEveryMethodSaysClosed() throws Exception {
        Region flags = Targets.flags(namespace, "closing");
        JvmProcess<Void> process = JvmProcess.run(Targets::markAndSleep, flags).name("Closer").standby(STANDBYS.pool()).start();
        Targets.await(flags, 0, TIMEOUT);
        IllegalStateException running = assertThrows(IllegalStateException.class, process::close);
        assertTrue(running.getMessage().startsWith("process Closer is still running"), running.getMessage());
        process.kill();
        process.join();
        process.close();
        process.close();
        for (var call : java.util.List.<org.junit.jupiter.api.function.Executable>of(process::isAlive, process::join,
            process::exitCode, process::pid, process::kill, process::start, process::result)) {
            IllegalStateException closed = assertThrows(IllegalStateException.class, call);
            assertEquals("process Closer is closed", closed.getMessage());
        }
        assertEquals("Closer", process.name());
    }

    @Test
    void signalsAfterTheProcessEndedDoNothing() throws Exception {
        try (JvmProcess<Void> process = JvmProcess.run(() -> System.exit(5)).standby(STANDBYS.pool()).start()) {
            process.join();
            process.terminate();
            process.kill();
            process.signal(UnixSignal.USR1);
            assertEquals(OptionalInt.of(5), process.exitCode());
        }
    }

    @Test
    void namesCountUpFromProcess1AndDaemonDefaultsToTheCreatorsFlag() {
        JvmProcess<Void> first = JvmProcess.run(() -> { }).build();
        JvmProcess<Void> second = JvmProcess.run(() -> { }).daemon(true).build();
        int n = Integer.parseInt(first.name().substring("Process-".length()));
        assertEquals("Process-" + (n + 1), second.name());
        assertFalse(first.daemon(), "the main process is not a daemon, so neither are its children by default");
        assertTrue(second.daemon());
        assertEquals("JvmProcess[" + first.name() + ", initial]", first.toString());
        assertThrows(IllegalArgumentException.class, () -> JvmProcess.run(() -> { }).name(" "));
        first.close();
        second.close();
    }

    @Test
    void activeChildrenListsTheRunningOnesAndForgetsTheEnded() throws Exception {
        Region flags = Targets.flags(namespace, "active");
        try (JvmProcess<Void> running = JvmProcess.run(Targets::markAndSleep, flags).standby(STANDBYS.pool()).start();
             JvmProcess<Void> ended = JvmProcess.run(() -> { }).standby(STANDBYS.pool()).start()) {
            Targets.await(flags, 0, TIMEOUT);
            ended.join();
            assertTrue(JvmProcess.activeChildren().contains(running));
            assertFalse(JvmProcess.activeChildren().contains(ended));
            running.kill();
            running.join();
            assertFalse(JvmProcess.activeChildren().contains(running));
        }
    }

    @Test
    void aJvmThatRefusesItsOptionsEndsWithItsOwnStatusAndLeavesNothingBehind() throws Exception {
        // The parent writes the spec into a pipe whose reader may already be gone.
        try (JvmProcess<Void> refused = JvmProcess.run(() -> { }).jvmOptions("-XX:+NoSuchOptionForMproc")
            .stderr(Redirect.DISCARD).start()) {
            assertTrue(refused.join(TIMEOUT));
            assertEquals(OptionalInt.of(1), refused.exitCode());
            ExecutionException failed = assertThrows(ExecutionException.class, refused::result);
            assertInstanceOf(ProcessExitException.class, failed.getCause());
        }
    }

    @Test
    void theMainProcessIsCalledMainProcessAndHasNoParent() {
        assertEquals("MainProcess", JvmProcess.current().name());
        assertEquals(ProcessHandle.current().pid(), JvmProcess.current().pid());
        assertTrue(JvmProcess.parent().isEmpty());
    }
}

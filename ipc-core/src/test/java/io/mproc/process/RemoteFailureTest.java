package io.mproc.process;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.NotSerializableException;
import java.io.Serial;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Return values, the child's exceptions, and what cannot be serialised, on either side. */
class RemoteFailureTest extends ProcessTestBase {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    @RegisterExtension
    static final StandbyPool STANDBYS = StandbyPool.of(7);

    /** An exception that refers to something that cannot be serialised. */
    static final class UnsendableException extends RuntimeException {
        @Serial
        private static final long serialVersionUID = 1L;
        @SuppressWarnings("serial") // deliberately not serialisable: that is what the test is about
        private final Object lock = new Object();

        UnsendableException(String message, Throwable cause) {
            super(message, cause);
        }

        @Override
        public String toString() {
            return super.toString() + lock.getClass().getSimpleName();
        }
    }

    @Test
    void callableResultsComeBackForEveryTargetShape() throws Exception {
        try (JvmProcess<Integer> answer = JvmProcess.call(() -> 6 * 7).standby(STANDBYS.pool()).start();
             JvmProcess<Integer> length = JvmProcess.call(String::length, "twelve chars").standby(STANDBYS.pool()).start();
             JvmProcess<Object> method = JvmProcess.method(Targets.class, "add", 40, 2).standby(STANDBYS.pool()).start()) {
            assertEquals(42, answer.result());
            assertEquals(12, length.result());
            assertEquals(42, method.result());
            assertEquals(OptionalInt.of(0), answer.exitCode());
            assertTrue(answer.exception().isEmpty());
        }
    }

    @Test
    void theChildsExceptionArrivesAsItsOwnTypeWithMessageFramesAndCause() throws Exception {
        try (JvmProcess<Integer> failing = JvmProcess.call(RemoteFailureTest::failWithCause).standby(STANDBYS.pool()).start()) {
            ExecutionException thrown = assertThrows(ExecutionException.class, failing::result);
            IllegalArgumentException remote = assertInstanceOf(IllegalArgumentException.class, thrown.getCause());
            assertEquals("bad input", remote.getMessage());
            assertEquals("failWithCause", remote.getStackTrace()[0].getMethodName());
            assertEquals(RemoteFailureTest.class.getName(), remote.getStackTrace()[0].getClassName());
            IOException cause = assertInstanceOf(IOException.class, remote.getCause());
            assertEquals("disk on fire", cause.getMessage());
            assertInstanceOf(IllegalArgumentException.class, failing.exception().orElseThrow());
            assertEquals(OptionalInt.of(1), failing.exitCode());
        }
    }

    static int failWithCause() {
        throw new IllegalArgumentException("bad input", new IOException("disk on fire"));
    }

    @Test
    void anExceptionThatCannotBeSerialisedArrivesAsARemoteExceptionWithTheRemoteTrace() throws Exception {
        try (JvmProcess<Void> failing = JvmProcess.run(RemoteFailureTest::failUnsendably).standby(STANDBYS.pool()).start()) {
            failing.join();
            RemoteException remote = assertInstanceOf(RemoteException.class, failing.exception().orElseThrow());
            assertEquals(UnsendableException.class.getName(), remote.remoteClassName());
            assertEquals("holds a lock", remote.remoteMessage());
            assertEquals(UnsendableException.class.getName() + ": holds a lock", remote.getMessage());
            assertEquals("failUnsendably", remote.getStackTrace()[0].getMethodName());
            assertTrue(remote.remoteStackTrace().contains("\tat " + RemoteFailureTest.class.getName() + ".failUnsendably("),
                remote.remoteStackTrace());
            IllegalStateException cause = assertInstanceOf(IllegalStateException.class, remote.getCause());
            assertEquals("the real reason", cause.getMessage());
        }
    }

    static void failUnsendably() {
        throw new UnsendableException("holds a lock", new IllegalStateException("the real reason"));
    }

    @Test
    void anArgumentThatCannotBeSerialisedFailsInStartNamingIt() {
        JvmProcess<Void> plain = JvmProcess.run((Object argument) -> { }, new Object()).standby(STANDBYS.pool()).build();
        IllegalArgumentException notSerializable = assertThrows(IllegalArgumentException.class, plain::start);
        assertEquals("process " + plain.name() + ": argument 0 (java.lang.Object) is not Serializable",
            notSerializable.getMessage());
        assertTrue(plain.pid().isEmpty(), "no child was started");

        List<Object> holder = new ArrayList<>(List.of("fine", new Object()));
        JvmProcess<Void> nested = JvmProcess.run((String a, List<Object> b) -> { }, "first", holder).standby(STANDBYS.pool()).build();
        IllegalArgumentException deep = assertThrows(IllegalArgumentException.class, nested::start);
        assertTrue(deep.getMessage().startsWith("process " + nested.name() + ": argument 1 (java.util.ArrayList) "
            + "cannot be serialised: java.io.NotSerializableException: java.lang.Object"), deep.getMessage());

        Thread captured = Thread.currentThread();
        JvmProcess<String> capturing = JvmProcess.call(captured::getName).standby(STANDBYS.pool()).build();
        IllegalArgumentException capture = assertThrows(IllegalArgumentException.class, capturing::start);
        assertTrue(capture.getMessage().startsWith("process " + capturing.name()
            + ": captured value 0 (java.lang.Thread) of the target lambda in " + RemoteFailureTest.class.getName()),
            capture.getMessage());
        plain.close();
        nested.close();
        capturing.close();
    }

    @Test
    void aResultThatCannotBeSerialisedFailsTheProcessWithExitCodeOne() throws Exception {
        try (JvmProcess<Object> process = JvmProcess.call(Object::new).standby(STANDBYS.pool()).start()) {
            ExecutionException thrown = assertThrows(ExecutionException.class, process::result);
            NotSerializableException cause = assertInstanceOf(NotSerializableException.class, thrown.getCause());
            assertTrue(cause.getMessage().contains("(java.lang.Object) cannot be serialised"), cause.getMessage());
            assertEquals(OptionalInt.of(1), process.exitCode());
        }
    }

    @Test
    void aProcessThatExitsBeforeItsTargetReturnsHasNoResult() throws Exception {
        try (JvmProcess<Integer> process = JvmProcess.call(RemoteFailureTest::exitEarly).standby(STANDBYS.pool()).start()) {
            ExecutionException thrown = assertThrows(ExecutionException.class, process::result);
            ProcessExitException exit = assertInstanceOf(ProcessExitException.class, thrown.getCause());
            assertEquals(4, exit.exitCode());
            assertEquals("process " + process.name() + " exited with 4 before its target returned", exit.getMessage());
            assertTrue(process.exception().isEmpty());
            assertTrue(process.join(TIMEOUT));
        }
    }

    static int exitEarly() {
        System.exit(4);
        return 1;
    }
}

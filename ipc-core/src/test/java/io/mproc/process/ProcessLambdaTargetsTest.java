package io.mproc.process;

import static org.junit.jupiter.api.Assertions.*;

import java.lang.ProcessBuilder.Redirect;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every shape of lambda target runs in the child as the lambda would: method references to
 * static and instance methods and constructors, captured values, conversions between boxed
 * and primitive types, results of void-shaped targets dropped, the capturing class
 * initialised first. Most of these travel in the compact spec (simple values only) and are
 * called through their implementation method; a target with other values travels
 * Java-serialised. Warm children, except where the cold path itself is under test.
 */
class ProcessLambdaTargetsTest extends ProcessTestBase {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final LaunchSettings QUIET =
        LaunchSettings.defaults().withStdout(Redirect.DISCARD).withStderr(Redirect.DISCARD);
    @RegisterExtension
    static final StandbyPool STANDBYS = StandbyPool.of(10);

    @Test
    void methodReferencesToStaticAndInstanceMethodsAndConstructorsRun() throws Exception {
        SerializableFunction<Integer, Integer> abs = Math::abs;
        SerializableFunction<String, String> bound = "mproc"::concat;
        SerializableFunction<String, Integer> unbound = String::length;
        SerializableFunction<String, StringBuilder> constructor = StringBuilder::new;
        try (JvmProcess<Integer> absolute = JvmProcess.call(abs, -5).standby(STANDBYS.pool()).start();
             JvmProcess<String> concatenated = JvmProcess.call(bound, "-child").standby(STANDBYS.pool()).start();
             JvmProcess<Integer> length = JvmProcess.call(unbound, "four").standby(STANDBYS.pool()).start();
             JvmProcess<StringBuilder> built = JvmProcess.call(constructor, "x").standby(STANDBYS.pool()).start()) {
            assertEquals(5, absolute.result());
            assertEquals("mproc-child", concatenated.result());
            assertEquals(4, length.result());
            assertEquals("x", built.result().toString());
        }
    }

    @Test
    void capturedValuesAndArgumentsArriveWithTheirTypes() throws Exception {
        String text = "n=";
        long big = 1L << 40;
        char letter = 'z';
        byte[] bytes = {1, 2, 3};
        SerializableBiFunction<Integer, Double, String> describe =
            (number, fraction) -> text + number + "/" + fraction + "/" + big + "/" + letter + "/" + bytes.length
                + "/" + (number == null);
        try (JvmProcess<String> described = JvmProcess.call(describe, 7, 0.5).standby(STANDBYS.pool()).start();
             JvmProcess<String> withNull = JvmProcess.call(describe, null, 1.0).standby(STANDBYS.pool()).start()) {
            assertEquals("n=7/0.5/1099511627776/z/3/false", described.result());
            assertEquals("n=null/1.0/1099511627776/z/3/true", withNull.result());
        }
    }

    @Test
    void aTargetWithOtherValuesTravelsJavaSerialised() throws Exception {
        List<String> list = new ArrayList<>(List.of("a", "b"));
        try (JvmProcess<Integer> size = JvmProcess.call((List<String> l) -> l.size() + list.size(), List.of("c"))
            .standby(STANDBYS.pool()).start()) {
            assertEquals(3, size.result());
        }
    }

    @Test
    void aVoidShapedTargetReturnsNothingEvenWhenItsMethodReturnsAValue() throws Exception {
        try (JvmProcess<Void> process = JvmProcess.run(System::nanoTime).standby(STANDBYS.pool()).start()) {
            assertNull(process.result());
            assertEquals(OptionalInt.of(0), process.exitCode());
        }
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void anArgumentOfTheWrongTypeFailsWithAClassCastExceptionAsInTheLambda() throws Exception {
        SerializableFunction<Integer, Integer> abs = Math::abs;
        try (JvmProcess<Object> process = JvmProcess.call((SerializableFunction) abs, "not a number")
            .standby(STANDBYS.pool()).start()) {
            ExecutionException failed = assertThrows(ExecutionException.class, process::result);
            assertInstanceOf(ClassCastException.class, failed.getCause());
            assertEquals(OptionalInt.of(1), process.exitCode());
        }
    }

    @Test
    void theCapturingClassIsInitialisedBeforeTheTargetRuns() throws Exception {
        try (JvmProcess<String> process = JvmProcess.call(Capturing.target()).standby(STANDBYS.pool()).start()) {
            assertEquals("by the capturing class", process.result());
        }
    }

    /** Sets a property in its static initialiser, and captures a reference to another class's method. */
    static final class Capturing {
        static {
            System.setProperty("lambda.test.initialised", "by the capturing class");
        }

        private Capturing() {
        }

        static SerializableCallable<String> target() {
            return ProcessLambdaTargetsTest::initialisedProperty;
        }
    }

    static String initialisedProperty() {
        return System.getProperty("lambda.test.initialised", "not initialised");
    }

    @Test
    void aColdChildRunsACompactSpecFromThePipeAndALargeOneFromItsRegion() throws Exception {
        String large = "x".repeat(64 * 1024);
        SerializableFunction<Integer, Integer> abs = Math::abs;
        try (JvmProcess<Integer> small = JvmProcess.call(abs, -3).settings(QUIET).start();
             JvmProcess<Integer> big = JvmProcess.call(String::length, large).settings(QUIET).start()) {
            assertEquals(3, small.result());
            assertEquals(large.length(), big.result());
        }
    }

    @Test
    void aColdChildThatExitsAtOnceStillRecordsThatItsShutdownHooksRan() throws Exception {
        // 130 without the hook's record would read as a death by SIGINT (-2); a cold child's
        // hook records into a control block mapped in the background, maybe after the target began.
        try (JvmProcess<Void> process = JvmProcess.run(() -> System.exit(130)).settings(QUIET).start()) {
            assertTrue(process.join(TIMEOUT));
            assertEquals(OptionalInt.of(130), process.exitCode());
        }
    }
}

package io.mproc.process.internal;

import static org.junit.jupiter.api.Assertions.*;

import io.mproc.memory.ProcessIdentity;
import io.mproc.process.ProcessSerialization;
import io.mproc.process.SerializableBiFunction;
import io.mproc.process.SerializableCallable;
import io.mproc.process.SerializableFunction;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.Serial;
import java.lang.invoke.SerializedLambda;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The compact spec and the pipe message, byte for byte in one JVM (the cross-process
 * behaviour is in {@code ProcessLambdaTargetsTest}): which specs have a compact form, that it
 * reads back to the same spec, and that damage is reported rather than misread.
 */
class ProcessSpecCodecTest {

    private static LaunchSpec spec(ProcessTarget target) {
        return LaunchSpec.of("Process-3:1", new int[] {3, 1}, true, "Process-3", target,
            Map.of("a.b", "c", "empty", ""));
    }

    @Test
    void aLambdaWithSimpleValuesReadsBackAsItsSerializedLambda() throws Throwable {
        String prefix = "é-";
        byte[] bytes = {4, 5};
        SerializableBiFunction<Integer, Character, String> target = (number, letter) -> prefix + number + letter
            + bytes.length;
        byte[] encoded = SpecCodec.encode(spec(ProcessTarget.function(ProcessTarget.Kind.BI_FUNCTION, target, 42, 'q')));
        assertNotNull(encoded);
        assertTrue(SpecCodec.isCompact(encoded));
        LaunchSpec read = SpecCodec.decode(encoded);
        assertEquals("Process-3:1", read.name());
        assertArrayEquals(new int[] {3, 1}, read.identity());
        assertTrue(read.daemon());
        assertEquals("Process-3", read.parentName());
        assertEquals(Map.of("a.b", "c", "empty", ""), read.systemProperties());
        assertEquals(ProcessTarget.Kind.BI_FUNCTION, read.target().kind());
        SerializedLambda lambda = assertInstanceOf(SerializedLambda.class, read.target().function());
        assertEquals(ProcessSpecCodecTest.class.getName().replace('.', '/'), lambda.getCapturingClass());
        assertEquals(2, lambda.getCapturedArgCount());
        assertEquals(Arrays.asList(42, 'q'), Arrays.asList(read.target().args()));
        assertEquals("é-42q2", read.target().invoke());
    }

    @Test
    void everyShapeOfLambdaIsCalledThroughItsImplementationWithoutBeingDeserialised() throws Throwable {
        String captured = "c";
        List<ProcessTarget> targets = List.of(
            ProcessTarget.function(ProcessTarget.Kind.CALLABLE, (SerializableCallable<String>) () -> captured + 1),
            ProcessTarget.function(ProcessTarget.Kind.CALLABLE, (SerializableCallable<Long>) System::nanoTime),
            ProcessTarget.function(ProcessTarget.Kind.FUNCTION, (SerializableFunction<Integer, Integer>) Math::abs, -2),
            ProcessTarget.function(ProcessTarget.Kind.FUNCTION, (SerializableFunction<String, String>) "a"::concat, "b"),
            ProcessTarget.function(ProcessTarget.Kind.FUNCTION, (SerializableFunction<String, Integer>) String::length,
                "abc"),
            ProcessTarget.function(ProcessTarget.Kind.FUNCTION,
                (SerializableFunction<String, StringBuilder>) StringBuilder::new, "sb"));
        List<Object> results = new java.util.ArrayList<>();
        for (ProcessTarget target : targets) {
            ProcessTarget read = SpecCodec.decode(SpecCodec.encode(spec(target))).target();
            SerializedLambda lambda = (SerializedLambda) read.function();
            assertNotNull(LambdaCall.resolve(lambda, read.args().length), lambda.toString());
            Object result = read.invoke();
            results.add(result instanceof StringBuilder builder ? builder.toString() : result);
        }
        assertEquals(List.of("c1", 2, "ab", 3, "sb"), List.of(results.get(0), results.get(2), results.get(3),
            results.get(4), results.get(5)));
        assertInstanceOf(Long.class, results.get(1));
    }

    @Test
    void everySimpleValueKeepsItsType() throws Throwable {
        Object[] values = {null, "text", 1, 2L, 3.5, 4.5f, (short) 6, (byte) 7, 'c', true, new byte[] {9}};
        byte[] encoded = SpecCodec.encode(spec(ProcessTarget.staticMethod(ProcessSpecCodecTest.class, "echo", values)));
        assertNotNull(encoded);
        Object[] read = SpecCodec.decode(encoded).target().args();
        assertEquals(values.length, read.length);
        for (int i = 0; i < values.length - 1; i++) {
            assertEquals(values[i], read[i], "value " + i);
        }
        assertArrayEquals(new byte[] {9}, (byte[]) read[values.length - 1]);
    }

    /** A static method target taking every simple type. */
    static String echo(String nothing, String text, int i, long l, double d, float f, short s, byte b, char c,
                       boolean flag, byte[] bytes) {
        return nothing + text + i + l + d + f + s + b + c + flag + bytes.length;
    }

    @Test
    void aStaticMethodTargetReadsBackByNameAndRuns() throws Throwable {
        byte[] encoded = SpecCodec.encode(spec(ProcessTarget.staticMethod(ProcessSpecCodecTest.class, "echo",
            null, "t", 1, 2L, 3.0, 4.0f, (short) 5, (byte) 6, 'x', false, new byte[3])));
        ProcessTarget target = SpecCodec.decode(encoded).target();
        assertEquals("echo", target.methodName());
        assertEquals("nullt123.04.056xfalse3", target.invoke());
    }

    @Test
    void aSimpleReturnValueIsWrittenCompactAndOthersJavaSerialised() throws Exception {
        for (Object value : Arrays.asList(null, "text", 42, 7L, 2.5, true, 'x', new byte[] {1, 2})) {
            byte[] region = Outcome.ofValue(value);
            assertTrue(CompactValues.isCompact(region), String.valueOf(value));
            Object read = Outcome.read(region).readValue();
            if (value instanceof byte[] bytes) {
                assertArrayEquals(bytes, (byte[]) read);
            } else {
                assertEquals(value, read);
            }
        }
        byte[] region = Outcome.ofValue(List.of(1, 2));
        assertFalse(CompactValues.isCompact(region));
        assertEquals(List.of(1, 2), Outcome.read(region).readValue());
        assertThrows(IllegalArgumentException.class, () -> CompactValues.decode(Arrays.copyOf(
            Outcome.ofValue("text"), 6)));
    }

    @Test
    void specsThatNeedJavaSerialisationHaveNoCompactForm() {
        SerializableFunction<List<String>, Integer> size = List::size;
        assertNull(SpecCodec.encode(spec(ProcessTarget.function(ProcessTarget.Kind.FUNCTION, size, List.of("a")))),
            "a list argument");
        List<String> captured = List.of("b");
        SerializableCallable<Integer> capturing = () -> captured.size();
        assertNull(SpecCodec.encode(spec(ProcessTarget.function(ProcessTarget.Kind.CALLABLE, capturing))),
            "a captured list");
        byte[] shared = {1};
        SerializableBiFunction<byte[], byte[], Boolean> same = (a, b) -> a == b;
        assertNull(SpecCodec.encode(spec(ProcessTarget.function(ProcessTarget.Kind.BI_FUNCTION, same, shared, shared))),
            "the same array twice stays one array only when Java-serialised");
        assertNull(SpecCodec.encode(spec(ProcessTarget.function(ProcessTarget.Kind.CALLABLE, new NotALambda()))),
            "a function object of a class of its own");
    }

    /** A serialisable callable that is a class, not a lambda. */
    static final class NotALambda implements SerializableCallable<Integer> {
        @Serial
        private static final long serialVersionUID = 1L;

        @Override
        public Integer call() {
            return 1;
        }
    }

    @Test
    void aJavaSerialisedSpecIsNotTakenForACompactOne() throws Exception {
        SerializableCallable<Integer> target = () -> 1;
        assertFalse(SpecCodec.isCompact(ProcessSerialization.write(spec(ProcessTarget.function(ProcessTarget.Kind.CALLABLE,
            target)))));
        assertFalse(SpecCodec.isCompact(new byte[2]));
    }

    @Test
    void aTruncatedOrDamagedCompactSpecIsRefused() {
        SerializableCallable<Integer> target = () -> 1;
        byte[] encoded = SpecCodec.encode(spec(ProcessTarget.function(ProcessTarget.Kind.CALLABLE, target)));
        IllegalArgumentException truncated = assertThrows(IllegalArgumentException.class,
            () -> SpecCodec.decode(Arrays.copyOf(encoded, encoded.length - 3)));
        assertTrue(truncated.getMessage().startsWith("damaged compact spec of " + (encoded.length - 3) + " bytes"),
            truncated.getMessage());
        byte[] longer = Arrays.copyOf(encoded, encoded.length + 1);
        assertThrows(IllegalArgumentException.class, () -> SpecCodec.decode(longer));
    }

    @Test
    void thePipeMessageCarriesTheParentAndASmallSpecOrSaysTheSpecIsInItsRegion() throws Exception {
        ProcessIdentity parent = new ProcessIdentity(1234, 5678L);
        ByteArrayOutputStream pipe = new ByteArrayOutputStream();
        SpecPipe.write(pipe, parent, new byte[] {1, 2, 3});
        SpecPipe.write(pipe, parent, null);
        ByteArrayInputStream in = new ByteArrayInputStream(pipe.toByteArray());
        SpecPipe.Message first = SpecPipe.read(in);
        assertEquals(parent, first.parent());
        assertArrayEquals(new byte[] {1, 2, 3}, first.spec());
        SpecPipe.Message second = SpecPipe.read(in);
        assertNull(second.spec());
        assertEquals(0, in.available(), "exactly the messages' bytes were read");
        assertThrows(EOFException.class, () -> SpecPipe.read(new ByteArrayInputStream(new byte[5])));
        assertFalse(SpecPipe.fits(SpecPipe.CAPACITY));
        assertThrows(IllegalArgumentException.class,
            () -> SpecPipe.write(new ByteArrayOutputStream(), parent, new byte[SpecPipe.CAPACITY]));
    }
}

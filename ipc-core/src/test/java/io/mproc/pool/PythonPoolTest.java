package io.mproc.pool;

import static org.junit.jupiter.api.Assertions.*;

import io.mproc.codec.CodecException;
import io.mproc.process.RemoteException;
import io.mproc.process.SerializableFunction;
import io.mproc.shared.SharedLong;
import java.io.IOException;
import java.io.Serial;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The checks Python's own test suite makes of {@code multiprocessing.Pool}, against one pool of
 * two worker JVMs shared by the class (none of these tests harms a worker).
 */
class PythonPoolTest extends PoolTestBase {
    @RegisterExtension
    static final WarmWorkers WARM = WarmWorkers.of(2);

    private static ProcessPool pool;
    private static List<Long> workerPids;

    @BeforeAll
    static void startPool() {
        pool = WARM.pool(2).name("python-pool").start();
        workerPids = pool.workerPids();
    }

    @AfterAll
    static void terminatePool() {
        pool.terminate();
        assertTrue(pool.isTerminated());
        assertTrue(workerPids.stream().noneMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)),
            "no worker outlives the pool");
    }

    private static List<Integer> range(int n) {
        return IntStream.range(0, n).boxed().toList();
    }

    @Test
    void mapGivesTheResultsOfASequentialMapInInputOrder() throws Exception {
        List<Integer> inputs = range(10_000);
        List<Integer> expected = inputs.stream().map(x -> x * x).toList();
        assertEquals(expected, pool.map(x -> x * x, inputs));
        assertEquals(expected, pool.map(x -> x * x, inputs, 1));
        assertEquals(expected, pool.map(x -> x * x, inputs, 7));
        assertEquals(expected, pool.map(x -> x * x, inputs, 100_000));
        assertEquals(expected, pool.mapAsync(x -> x * x, inputs).get(30, TimeUnit.SECONDS));
        List<String> words = List.of("spam", "eggs", "ham", "");
        assertEquals(List.of(4, 4, 3, 0), pool.map(String::length, words));
    }

    @Test
    void starmapAppliesTheFunctionToEachPair() throws Exception {
        List<Map.Entry<Integer, String>> pairs = List.of(Map.entry(2, "ab"), Map.entry(0, "x"), Map.entry(3, "-"));
        assertEquals(List.of("abab", "", "---"), pool.starmap((n, s) -> s.repeat(n), pairs));
        assertEquals(List.of("abab", "", "---"), pool.starmapAsync((Integer n, String s) -> s.repeat(n), pairs, 1).get());
    }

    @Test
    void imapGivesResultsInInputOrderAndImapUnorderedGivesTheSameOnes() throws Exception {
        List<Integer> inputs = range(200);
        List<Integer> expected = inputs.stream().map(x -> x + 1).toList();
        assertEquals(expected, collect(pool.imap(x -> x + 1, inputs)));
        assertEquals(expected, collect(pool.imap(x -> x + 1, inputs, 16)));
        List<Integer> unordered = collect(pool.imapUnordered(x -> x + 1, inputs, 3));
        Collections.sort(unordered);
        assertEquals(expected, unordered);
    }

    @Test
    void imapKeepsInputOrderWhenLaterTasksFinishFirst() throws Exception {
        List<Integer> inputs = range(8);
        assertEquals(inputs, collect(pool.imap(x -> {
            Thread.sleep((8 - x) * 5L);
            return x;
        }, inputs)));
    }

    @Test
    void emptyInputGivesAnEmptyResult() throws Exception {
        assertEquals(List.of(), pool.map(x -> x, List.<Integer>of()));
        assertEquals(List.of(), pool.starmap((Integer a, Integer b) -> a + b, List.<Map.Entry<Integer, Integer>>of()));
        assertTrue(pool.mapAsync(x -> x, List.of()).isDone());
        assertFalse(pool.imap(x -> x, List.of()).hasNext());
        assertFalse(pool.imapUnordered(x -> x, List.of()).hasNext());
    }

    @Test
    void getWithATimeoutThrowsTimeoutExceptionAndTheResultComesLater() throws Exception {
        CompletableFuture<Integer> slow = pool.applyAsync(() -> {
            Thread.sleep(300);
            return 7;
        });
        long started = System.nanoTime();
        assertThrows(TimeoutException.class, () -> slow.get(50, TimeUnit.MILLISECONDS));
        assertTrue(System.nanoTime() - started >= TimeUnit.MILLISECONDS.toNanos(50), "waited the timeout");
        assertFalse(slow.isDone(), "not ready yet (Python's ready())");
        assertEquals(7, slow.get(30, TimeUnit.SECONDS));
        assertTrue(slow.isDone());
        assertFalse(slow.isCompletedExceptionally(), "successful()");
    }

    @Test
    void exactlyOneOfTheCallbacksRuns() throws Exception {
        AtomicReference<Object> value = new AtomicReference<>();
        AtomicReference<Throwable> error = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(2);
        for (boolean fail : new boolean[] {false, true}) {
            pool.applyAsync(PythonPoolTest::maybeFail, fail)
                .whenComplete((result, failure) -> {
                    if (failure == null) {
                        assertNull(value.getAndSet(result), "one success callback");
                    } else {
                        assertNull(error.getAndSet(failure), "one error callback");
                    }
                    done.countDown();
                });
        }
        assertTrue(done.await(30, TimeUnit.SECONDS));
        assertEquals("fine", value.get());
        IllegalStateException remote = assertInstanceOf(IllegalStateException.class, error.get());
        assertEquals("asked to fail", remote.getMessage());
    }

    @Test
    void aCallbackThatWaitsForAnotherResultOnTheResultThreadFailsInsteadOfHanging() throws Exception {
        CompletableFuture<Object> nested = pool.applyAsync(() -> {
            Thread.sleep(100);
            return 1;
        }).thenApply(first -> {
            try {
                return pool.apply(() -> 2);
            } catch (RuntimeException | ExecutionException | InterruptedException refused) {
                return refused;
            }
        });
        IllegalStateException refused = assertInstanceOf(IllegalStateException.class, nested.get(30, TimeUnit.SECONDS));
        assertTrue(refused.getMessage().contains("would wait forever"), refused.getMessage());
        CompletableFuture<Integer> chained = pool.applyAsync(() -> 1)
            .thenComposeAsync(first -> pool.applyAsync((Integer x) -> x + 1, first));
        assertEquals(2, chained.get(30, TimeUnit.SECONDS), "the Async forms run elsewhere and may wait");
    }

    static String maybeFail(boolean fail) {
        if (fail) {
            throw new IllegalStateException("asked to fail");
        }
        return "fine";
    }

    @Test
    void aFailingTaskFailsWithItsOwnExceptionCarryingTheWorkersStackTrace() throws Exception {
        ExecutionException thrown = assertThrows(ExecutionException.class,
            () -> pool.apply(PythonPoolTest::failWithCause, "bad input"));
        IllegalArgumentException remote = assertInstanceOf(IllegalArgumentException.class, thrown.getCause());
        assertEquals("bad input", remote.getMessage());
        assertEquals("failWithCause", remote.getStackTrace()[0].getMethodName(), "the frames are the worker's");
        assertTrue(Arrays.stream(remote.getStackTrace()).anyMatch(frame -> frame.getClassName().equals(WorkerLoop.class.getName())),
            "thrown inside a worker");
        assertInstanceOf(IOException.class, remote.getCause());
        assertEquals("disk on fire", remote.getCause().getMessage());
    }

    static Integer failWithCause(String message) {
        throw new IllegalArgumentException(message, new IOException("disk on fire"));
    }

    /** An exception that cannot be serialized. */
    static final class UnsendableException extends RuntimeException {
        @Serial
        private static final long serialVersionUID = 1L;
        @SuppressWarnings("serial") // deliberately not serializable
        private final Object lock = new Object();

        UnsendableException(String message) {
            super(message);
        }

        @Override
        public String toString() {
            return super.toString() + " " + lock.getClass().getSimpleName();
        }
    }

    @Test
    void anExceptionThatCannotBeSentArrivesAsRemoteExceptionWithTheRemoteTrace() {
        ExecutionException thrown = assertThrows(ExecutionException.class,
            () -> pool.apply(() -> {
                throw new UnsendableException("keeps a lock");
            }));
        RemoteException remote = assertInstanceOf(RemoteException.class, thrown.getCause());
        assertEquals(UnsendableException.class.getName(), remote.remoteClassName());
        assertEquals("keeps a lock", remote.remoteMessage());
        assertTrue(remote.remoteStackTrace().contains(PythonPoolTest.class.getName()), remote.remoteStackTrace());
    }

    @Test
    void mapReportsTheEarliestFailingTaskAfterEveryOtherTaskRan() throws Exception {
        SharedLong ran = SharedLong.create(namespace, "ran", 0);
        ExecutionException thrown = assertThrows(ExecutionException.class, () -> pool.map(x -> {
            if (x == 30 || x == 5) {
                throw new IllegalStateException("task " + x);
            }
            Thread.sleep(1);
            return ran.incrementAndGet();
        }, range(40), 1));
        assertEquals("task 5", thrown.getCause().getMessage(), "the earliest in input order (Python: first to arrive)");
        assertEquals(38, ran.get(), "every other task ran before map reported");
    }

    @Test
    void aResultThatCannotBeSerializedFailsOnlyItsTaskAndTheWorkerSurvives() throws Exception {
        SerializableFunction<Integer, Object> unsendableThree = x -> x == 3 ? new Object() : x;
        ExecutionException thrown = assertThrows(ExecutionException.class,
            () -> pool.map(unsendableThree, range(10), 10));
        CodecException codec = assertInstanceOf(CodecException.class, thrown.getCause());
        assertTrue(codec.getMessage().contains("java.lang.Object"), codec.getMessage());
        List<Object> seen = new ArrayList<>();
        try (ResultIterator<Object> results = pool.imap(unsendableThree, range(10), 10)) {
            while (results.hasNext()) {
                try {
                    seen.add(results.next());
                } catch (CompletionException failed) {
                    seen.add(failed.getCause().getClass().getSimpleName());
                }
            }
        }
        assertEquals(List.of(0, 1, 2, "CodecException", 4, 5, 6, 7, 8, 9), seen);
        assertEquals(workerPids, pool.workerPids(), "no worker was replaced");
    }

    @Test
    void argumentsThatCannotBeSerializedFailInTheCallerOrAsTheirOwnTask() throws Exception {
        IllegalArgumentException single = assertThrows(IllegalArgumentException.class,
            () -> pool.applyAsync((Object o) -> o.hashCode(), new Object()));
        assertTrue(single.getMessage().contains("argument 0 (java.lang.Object)"), single.getMessage());
        List<Object> inputs = List.of(1, new Object(), 3);
        List<Object> seen = new ArrayList<>();
        try (ResultIterator<Object> results = pool.imap(o -> o, inputs, 3)) {
            while (results.hasNext()) {
                try {
                    seen.add(results.next());
                } catch (CompletionException failed) {
                    seen.add(failed.getCause().getClass().getSimpleName());
                }
            }
        }
        assertEquals(List.of(1, "IllegalArgumentException", 3), seen);
    }

    @Test
    void aTaskThatIsNotSerializableIsRefusedInTheCaller() {
        Callable<Integer> plain = () -> 1;
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> pool.submit(plain));
        assertTrue(refused.getMessage().contains("not Serializable"), refused.getMessage());
        Object unsendable = new Object();
        assertThrows(IllegalArgumentException.class, () -> pool.apply(() -> unsendable.hashCode()));
    }

    @Test
    void imapReadsItsInputLazilyAndStopsWhenClosed() throws Exception {
        AtomicInteger read = new AtomicInteger();
        Iterable<Integer> endless = () -> new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Integer next() {
                return read.getAndIncrement();
            }
        };
        ResultIterator<Integer> results = pool.imap(x -> x * 10, endless, 1, 8);
        assertTrue(read.get() <= 8, "read ahead at most 8, read " + read.get());
        for (int i = 0; i < 5; i++) {
            assertEquals(i * 10, results.next(Duration.ofSeconds(30)));
        }
        assertTrue(read.get() <= 13, "at most 8 ahead of the 5 taken, read " + read.get());
        results.close();
        int readAtClose = read.get();
        assertFalse(results.hasNext());
        int next = pool.apply((Integer x) -> x + 1, 2);
        assertEquals(3, next, "the pool goes on");
        assertEquals(readAtClose, read.get(), "nothing read after close");
    }

    @Test
    void imapNextWithATimeoutThrowsTimeoutExceptionAndTheResultComesLater() throws Exception {
        try (ResultIterator<Integer> results = pool.imap(x -> {
            Thread.sleep(300);
            return x;
        }, List.of(42))) {
            assertThrows(TimeoutException.class, () -> results.next(Duration.ofMillis(30)));
            assertEquals(42, results.next(Duration.ofSeconds(30)));
            assertFalse(results.hasNext());
        }
    }

    @Test
    void imapRaisesAFailureAtItsPositionAndGoesOnAfterIt() {
        List<Object> seen = new ArrayList<>();
        try (ResultIterator<Integer> results = pool.imap(x -> 10 / (x - 2), range(5))) {
            while (results.hasNext()) {
                try {
                    seen.add(results.next());
                } catch (CompletionException failed) {
                    seen.add(assertInstanceOf(ArithmeticException.class, failed.getCause()).getMessage());
                }
            }
        }
        assertEquals(List.of(-5, -10, "/ by zero", 10, 5), seen);
    }

    /** A record of JDK types, for values that need Java serialization. */
    record Trade(String symbol, BigDecimal price, List<Integer> lots) implements java.io.Serializable {
    }

    @Test
    void valuesOfEveryKindTravelBothWays() throws Exception {
        List<Object> values = Arrays.asList(null, 7, 1L << 40, 2.5, true, "żółw ☃", new byte[] {1, 2, 3},
            new BigDecimal("1.25"), List.of(1, 2), new Trade("ACME", new BigDecimal("9.99"), List.of(100, 200)));
        List<Object> echoed = pool.map(v -> v, values, 3);
        assertEquals(values.size(), echoed.size());
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) instanceof byte[] bytes) {
                assertArrayEquals(bytes, (byte[]) echoed.get(i));
            } else {
                assertEquals(values.get(i), echoed.get(i), "value " + i);
            }
        }
        assertEquals(List.of(1L, 2L, 3L), pool.map((Long x) -> x, List.of(1L, 2L, 3L)));
        assertEquals(List.of(0.5, 1.5), pool.map((Double x) -> x / 2, List.of(1.0, 3.0)));
    }

    @Test
    void chunksLargerThanAMessageTravelInParts() throws Exception {
        List<Integer> inputs = range(300_000);
        List<Long> doubled = pool.map(x -> 2L * x, inputs, 300_000);
        assertEquals(300_000, doubled.size());
        assertEquals(2L * 299_999, doubled.getLast());
        List<String> long_ = pool.map(x -> "x".repeat(100) + x, range(5_000), 5_000);
        assertEquals("x".repeat(100) + 4_999, long_.getLast());
    }

    @Test
    void anArgumentOrResultTooLargeForAMessageFailsItsTask() throws Exception {
        IllegalArgumentException tooLarge = assertThrows(IllegalArgumentException.class,
            () -> pool.applyAsync((byte[] b) -> b.length, new byte[ProcessPoolBuilder.DEFAULT_MAX_MESSAGE_BYTES]));
        assertTrue(tooLarge.getMessage().contains("maxMessageBytes"), tooLarge.getMessage());
        ExecutionException failed = assertThrows(ExecutionException.class,
            () -> pool.apply((Integer n) -> new byte[n], ProcessPoolBuilder.DEFAULT_MAX_MESSAGE_BYTES));
        assertInstanceOf(CodecException.class, failed.getCause());
        assertEquals(1000, pool.apply((Integer n) -> new byte[n], 1000).length);
    }

    @Test
    void invalidCallArgumentsAreRefusedWithTheirName() {
        IllegalArgumentException chunk = assertThrows(IllegalArgumentException.class,
            () -> pool.map(x -> x, range(3), -1));
        assertTrue(chunk.getMessage().startsWith("chunksize=-1"), chunk.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> pool.imap(x -> x, range(3), 0))
            .getMessage().startsWith("chunksize=0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> pool.imap(x -> x, range(3), 1, -1))
            .getMessage().startsWith("maxAhead=-1"));
        assertThrows(NullPointerException.class, () -> pool.map(x -> x, null));
    }

    private static <R> List<R> collect(ResultIterator<R> results) {
        List<R> all = new ArrayList<>();
        try (results) {
            results.forEachRemaining(all::add);
        }
        return all;
    }
}

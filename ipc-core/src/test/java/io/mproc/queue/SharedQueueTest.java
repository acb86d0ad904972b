package io.mproc.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mproc.codec.CodecException;
import io.mproc.codec.Codecs;
import io.mproc.codec.Gadget;
import io.mproc.testing.CrossProcessTest;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Python's queue checks, closing and bad elements, each across a real process boundary: the
 * other side is a {@link QueueChildMain} JVM. Every queue is made with {@link #options()}, so a
 * subclass runs them all again for another {@link QueueShape}; each test keeps to one putting
 * and one taking thread at a time, which every shape allows.
 */
class SharedQueueTest extends CrossProcessTest {

    /** The options every queue of these tests is made with. */
    QueueOptions options() {
        return QueueOptions.defaults();
    }

    private <E> SharedQueue<E> create(String name) {
        return SharedQueue.create(namespace, name, Codecs.standard(), options());
    }

    @Test
    void maxSizeSixFillsUpThenOfferFailsAndATimedPutTimesOut() throws Exception {
        SharedQueue<Long> queue = SharedQueue.create(namespace, "q", Codecs.standard(), options().withMaxSize(6));
        try (CommandChild child = QueueChild.attachingByName(namespace, "q")) {
            assertEquals("6", child.ask("put 0 1 2 3 4 5", "PUT"));
            assertTrue(queue.full());
            assertEquals(6, queue.qsize());
            assertEquals(0, queue.remainingCapacity());
            assertFalse(queue.offer(6L), "offer on a full queue");
            assertThrows(IllegalStateException.class, () -> queue.putNowait(6L));
            long start = System.nanoTime();
            assertFalse(queue.offer(6L, 200, TimeUnit.MILLISECONDS), "put with a timeout on a full queue");
            assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(200), "waited its timeout");
            assertEquals(0L, queue.take());
            assertTrue(queue.offer(6L), "room for one after one take");
            child.exit();
        }
    }

    @Test
    void takesOneToFiveInOrderThenIsEmpty() throws Exception {
        SharedQueue<Long> queue = create("q");
        try (CommandChild child = QueueChild.attachingByName(namespace, "q")) {
            child.ask("put 1 2 3 4 5", "PUT");
            List<Long> taken = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                taken.add(queue.take());
            }
            assertEquals(List.of(1L, 2L, 3L, 4L, 5L), taken);
            assertTrue(queue.empty());
            assertNull(queue.poll());
            assertThrows(NoSuchElementException.class, queue::getNowait);
            child.exit();
        }
    }

    @Test
    void sizeGoesZeroOneTwoOneZero() throws Exception {
        SharedQueue<Long> queue = create("q");
        try (CommandChild child = QueueChild.attachingByName(namespace, "q")) {
            assertEquals(0, queue.size());
            child.ask("put 1", "PUT");
            assertEquals(1, queue.size());
            child.ask("put 2", "PUT");
            assertEquals(2, queue.size());
            assertEquals("[1]", child.ask("take 1", "TOOK"));
            assertEquals(1, queue.size());
            assertEquals(2L, queue.take());
            assertEquals(0, queue.size());
            child.exit();
        }
    }

    @Test
    void pollWithATimeoutWaitsAboutThatLongOnAnEmptyQueue() throws Exception {
        SharedQueue<Long> queue = create("q");
        try (CommandChild child = QueueChild.attachingByName(namespace, "q")) {
            String[] answer = child.ask("poll 200", "POLL").split(" ");
            assertEquals("null", answer[0]);
            long waited = Long.parseLong(answer[1]);
            assertTrue(waited >= 200 && waited < 5_000, "child waited " + waited + " ms");
            long start = System.nanoTime();
            assertNull(queue.poll(200, TimeUnit.MILLISECONDS));
            assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(200));
            child.exit();
        }
    }

    @Test
    void aTakeBlockedInOneProcessReturnsWhatAnotherPuts() throws Exception {
        SharedQueue<Long> queue = create("q");
        try (CommandChild child = QueueChild.attachingByName(namespace, "q")) {
            child.send("take 2");
            Thread.sleep(100);
            queue.put(41L);
            queue.put(42L);
            assertEquals("[41, 42]", child.await("TOOK"));
            child.exit();
        }
    }

    @Test
    void closeFailsEveryLaterOperationInEveryProcessAndWakesBlockedTakers() throws Exception {
        SharedQueue<Long> queue = create("orders");
        try (CommandChild taker = QueueChild.attachingByName(namespace, "orders");
             CommandChild putter = QueueChild.attachingByName(namespace, "orders")) {
            taker.send("take 1");
            Thread.sleep(100);
            queue.put(1L); // the blocked take gets this one
            assertEquals("[1]", taker.await("TOOK"));
            queue.put(2L); // discarded by the close
            queue.close();
            assertEquals("IllegalStateException queue orders is closed", putter.ask("put 3", "FAILED"));
            assertEquals("IllegalStateException queue orders is closed", taker.ask("take 1", "FAILED"));
            var thrown = assertThrows(IllegalStateException.class, queue::take);
            assertEquals("queue orders is closed", thrown.getMessage());
            assertThrows(IllegalStateException.class, () -> queue.offer(4L));
            assertThrows(IllegalStateException.class, queue::size);
            assertTrue(queue.isClosed());
            queue.close(); // idempotent
            taker.exit();
            putter.exit();
        }
    }

    @Test
    void aTakeBlockedInAnotherProcessWakesAndFailsOnClose() throws Exception {
        SharedQueue<Long> queue = create("orders");
        try (CommandChild taker = QueueChild.attachingByName(namespace, "orders");
             CommandChild closer = QueueChild.attachingByName(namespace, "orders")) {
            taker.send("take 1");
            Thread.sleep(200);
            assertEquals("", closer.ask("close", "CLOSED"));
            assertEquals("IllegalStateException queue orders is closed", taker.await("FAILED"));
            assertThrows(IllegalStateException.class, () -> queue.put(1L));
            taker.exit();
            closer.exit();
        }
    }

    @Test
    void anElementThatCannotBeEncodedFailsInTheCallersPutAndTheNextOneArrives() throws Exception {
        SharedQueue<Object> queue = create("q");
        try (CommandChild child = QueueChild.attachingByName(namespace, "q")) {
            String refused = child.ask("putBad", "PUTBAD");
            assertTrue(refused.startsWith("queue q: cannot encode an element of class java.lang.Object"), refused);
            assertTrue(queue.isEmpty(), "nothing half-written is visible");
            child.ask("put 7", "PUT");
            assertEquals(7L, queue.take());
            var tooLong = assertThrows(IllegalArgumentException.class, () -> queue.put(new byte[5000]));
            assertTrue(tooLong.getMessage().contains("class [B encodes to 5005 bytes (expected: at most"),
                tooLong.getMessage());
            child.exit();
        }
    }

    @Test
    void aMessageThatCannotBeDecodedFailsInThatTakeAndTheNextOneArrives() throws Exception {
        SharedQueue<Object> queue = create("q");
        try (CommandChild child = QueueChild.attachingByName(namespace, "q")) {
            long index = queue.tryClaim(3);
            queue.buffer().set(ValueLayout.JAVA_BYTE, index, (byte) 99); // no such tag
            queue.commit(index);
            queue.put(8L);
            String failed = child.ask("take 1", "FAILED");
            assertTrue(failed.startsWith("CodecException queue q: cannot decode a message (it is dropped; the queue goes on)"),
                failed);
            assertTrue(failed.contains("unknown tag 99"), failed);
            assertEquals("[8]", child.ask("take 1", "TOOK"));
            child.exit();
        }
    }

    @Test
    void aHostileSerializedPayloadIsRefusedAndNeverRuns() throws Exception {
        SharedQueue<Object> queue = create("q");
        Path proof = namespace.directory().resolveSibling(namespace.name() + "-gadget-proof");
        Gadget.readObjectRan = false;
        try (CommandChild child = QueueChild.attachingByName(namespace, "q")) {
            child.ask("putGadget " + proof, "PUT");
            child.ask("put 9", "PUT");
            var thrown = assertThrows(CodecException.class, queue::take);
            assertTrue(thrown.getMessage().contains("class io.mproc.codec.Gadget is not allowed by the SerialFilter"),
                thrown.getMessage());
            assertFalse(Gadget.readObjectRan, "the gadget's readObject ran");
            assertFalse(Files.exists(proof), "the gadget's readObject ran");
            assertEquals(9L, queue.take(), "the queue goes on");
            child.exit();
        } finally {
            Files.deleteIfExists(proof);
        }
    }

    @Test
    void aQueueTravelsAsAHandleOnTheCommandLineAndInsideAnotherQueue() throws Exception {
        SharedQueue<Object> requests = create("requests");
        SharedQueue<Long> replies = create("replies");
        try (CommandChild child = QueueChild.receivingHandle(requests)) {
            requests.put(replies);
            assertEquals("replies", child.ask("takeQueueAndPut 99", "PUT INTO"));
            assertEquals(99L, replies.poll(10, TimeUnit.SECONDS));
            child.ask("put 5", "PUT");
            assertEquals(5L, requests.take());
            child.exit();
        }
    }

    @Test
    void zeroCopyClaimsAndInPlaceReadsMeetTheCodecsBytes() throws Exception {
        SharedQueue<Object> queue = SharedQueue.create(namespace, "q", Codecs.standard(), options()
            .withWaitStrategy(io.mproc.wait.WaitStrategy.busySpin()));
        try (CommandChild child = QueueChild.attachingByName(namespace, "q")) {
            long index = queue.claim(9); // the standard codec's Long: tag 1, then the value
            queue.buffer().set(ValueLayout.JAVA_BYTE, index, (byte) 1);
            queue.buffer().set(ValueLayout.JAVA_LONG_UNALIGNED, index + 1, 77L);
            queue.commit(index);
            assertEquals("[77]", child.ask("take 1", "TOOK"));
            queue.abort(queue.tryClaim(9));
            child.ask("put 5", "PUT");
            long[] read = new long[1];
            assertTrue(queue.pollInPlace((buffer, offset, length) ->
                read[0] = buffer.get(ValueLayout.JAVA_LONG_UNALIGNED, offset + 1)));
            assertEquals(5L, read[0], "the aborted claim was skipped");
            assertThrows(IllegalArgumentException.class, () -> queue.tryClaim(queue.maxMessageBytes() + 1));
            child.exit();
        }
    }

    @Test
    void aTakeInPlaceWaitsForWhatAnotherProcessPutsAndATimedPollGivesUpWithoutOne() throws Exception {
        SharedQueue<Object> queue = create("q");
        try (CommandChild child = QueueChild.attachingByName(namespace, "q")) {
            long start = System.nanoTime();
            assertFalse(queue.pollInPlace((buffer, offset, length) -> { }, 200, TimeUnit.MILLISECONDS));
            assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(200), "waited its timeout");
            long[] read = new long[1];
            CompletableFuture<Boolean> waiting = new CompletableFuture<>();
            Thread.ofPlatform().start(() -> {
                try {
                    queue.takeInPlace((buffer, offset, length) ->
                        read[0] = buffer.get(ValueLayout.JAVA_LONG_UNALIGNED, offset + 1));
                    waiting.complete(true);
                } catch (Throwable failed) {
                    waiting.completeExceptionally(failed);
                }
            });
            Thread.sleep(100);
            child.ask("put 6", "PUT");
            assertTrue(waiting.get(30, TimeUnit.SECONDS));
            assertEquals(6L, read[0], "the standard codec's Long: tag 1, then the value");
            child.ask("put 7", "PUT");
            assertTrue(queue.pollInPlace((buffer, offset, length) ->
                read[0] = buffer.get(ValueLayout.JAVA_LONG_UNALIGNED, offset + 1), 30, TimeUnit.SECONDS));
            assertEquals(7L, read[0]);
            child.exit();
        }
    }

    @Test
    void unsupportedViewsSaySo() {
        SharedQueue<Long> queue = create("q");
        var thrown = assertThrows(UnsupportedOperationException.class, queue::iterator);
        assertTrue(thrown.getMessage().startsWith("queue q: iteration is not supported across processes"));
        assertThrows(UnsupportedOperationException.class, queue::peek);
        assertThrows(UnsupportedOperationException.class, () -> queue.contains(1L));
        assertThrows(NullPointerException.class, () -> queue.offer(null));
    }
}

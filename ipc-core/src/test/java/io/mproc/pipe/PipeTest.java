package io.mproc.pipe;

import static io.mproc.pipe.PipeChildMain.describe;
import static io.mproc.pipe.PipeChildMain.pattern;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mproc.codec.Trade;
import io.mproc.queue.CommandChild;
import io.mproc.testing.CrossProcessTest;
import java.io.EOFException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Every behaviour of Python's Pipe, with the other end in a real child JVM ({@link PipeChildMain}). */
class PipeTest extends CrossProcessTest {
    private static final int MIB_16 = 16 << 20;

    @Test
    void aDuplexPipeCarriesObjectsBothWays() throws Exception {
        Pipe pipe = Pipe.duplex(namespace, "p");
        try (CommandChild child = PipeChild.holding(pipe.second())) {
            Trade trade = new Trade(1, "ACME", 2.5, 3, new byte[] {4}, new Trade.Venue("X", 'x', true));
            List<Object> messages = List.of(42L, "text", List.of(1, 2), trade.venue());
            for (Object message : messages) {
                pipe.first().send(message);
            }
            child.ask("echo " + messages.size(), "ECHOED");
            for (Object message : messages) {
                assertEquals(message, pipe.first().recv());
            }
            assertEquals("SENT", "SENT" + child.ask("send 7", "SENT"));
            assertEquals(7L, pipe.first().recv());
            child.exit();
        }
    }

    @Test
    void messageBoundariesAreKeptEmptyMessagesToo() throws Exception {
        Pipe pipe = Pipe.duplex(namespace, "p");
        try (CommandChild child = PipeChild.holding(pipe.second())) {
            child.ask("sendBytes 0 1 0 5 0", "SENT");
            for (int length : new int[] {0, 1, 0, 5, 0}) {
                assertArrayEquals(pattern(length), pipe.first().recvBytes());
            }
            assertFalse(pipe.first().poll());
            pipe.first().sendBytes(new byte[0]);
            assertEquals("0:1", child.ask("recvBytes", "BYTES"));
            child.exit();
        }
    }

    @Test
    void sendBytesChecksOffsetAndSize() throws Exception {
        Pipe pipe = Pipe.duplex(namespace, "p");
        Connection end = pipe.first();
        byte[] ten = pattern(10);
        var thrown = assertThrows(IndexOutOfBoundsException.class, () -> end.sendBytes(ten, -1, 2));
        assertEquals("offset=-1 (expected: 0 to 10)", thrown.getMessage());
        thrown = assertThrows(IndexOutOfBoundsException.class, () -> end.sendBytes(ten, 11, 0));
        assertEquals("offset=11 (expected: 0 to 10)", thrown.getMessage());
        thrown = assertThrows(IndexOutOfBoundsException.class, () -> end.sendBytes(ten, 4, 7));
        assertEquals("size=7 (expected: 0 to 6 for offset=4 in 10 bytes)", thrown.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> end.sendBytes(ten, 0, -1));
        end.sendBytes(ten, 4, 6);
        end.sendBytes(ten, 10, 0);
        try (CommandChild child = PipeChild.holding(pipe.second())) {
            assertEquals(describe(java.util.Arrays.copyOfRange(ten, 4, 10)), child.ask("recvBytes", "BYTES"));
            assertEquals("0:1", child.ask("recvBytes", "BYTES"));
            child.exit();
        }
    }

    @Test
    void aTooLongMessageIsDroppedWithAnErrorAndATooSmallBufferCarriesTheMessage() throws Exception {
        Pipe pipe = Pipe.duplex(namespace, "p");
        try (CommandChild child = PipeChild.holding(pipe.second())) {
            child.ask("sendBytes 10 10 3 4", "SENT");
            var tooLong = assertThrows(IOException.class, () -> pipe.first().recvBytes(5));
            assertEquals("connection p/0: a message of 10 bytes is longer than maxLength=5 (it was dropped)",
                tooLong.getMessage());
            byte[] buffer = new byte[8];
            var tooShort = assertThrows(BufferTooShortException.class, () -> pipe.first().recvBytesInto(buffer, 2));
            assertArrayEquals(pattern(10), tooShort.message());
            assertTrue(tooShort.getMessage().contains("does not fit the 6 bytes from offset 2"), tooShort.getMessage());
            assertEquals(3, pipe.first().recvBytesInto(buffer, 5));
            assertArrayEquals(pattern(3), java.util.Arrays.copyOfRange(buffer, 5, 8));
            assertThrows(IndexOutOfBoundsException.class, () -> pipe.first().recvBytesInto(buffer, 9));
            assertEquals(4, pipe.first().recvBytesInto(buffer));
            child.exit();
        }
    }

    @Test
    void pollWaitsForItsTimeoutOrAMessage() throws Exception {
        Pipe pipe = Pipe.duplex(namespace, "p");
        try (CommandChild child = PipeChild.holding(pipe.second())) {
            assertFalse(pipe.first().poll(), "zero timeout returns at once");
            assertFalse(pipe.first().poll(Duration.ofMillis(-5)));
            long start = System.nanoTime();
            assertFalse(pipe.first().poll(Duration.ofMillis(200)));
            assertTrue(System.nanoTime() - start >= 200_000_000L, "waited its timeout");
            child.send("send 1");
            assertTrue(pipe.first().poll(null), "null waits until a message is there");
            assertTrue(pipe.first().poll());
            assertEquals(1L, pipe.first().recv());
            assertEquals("false", child.ask("poll 50", "POLL"));
            pipe.first().send(2L);
            assertEquals("true", child.ask("poll 5000", "POLL"));
            child.exit();
        }
    }

    @Test
    void theReaderGetsEverythingSentThenEndOfFileOnceThePeerClosed() throws Exception {
        Pipe pipe = Pipe.duplex(namespace, "p");
        try (CommandChild child = PipeChild.holding(pipe.second())) {
            child.ask("send 1", "SENT");
            child.ask("send 2", "SENT");
            child.ask("close", "CLOSED");
            assertEquals(1L, pipe.first().recv());
            assertTrue(pipe.first().poll(), "a message is there");
            assertEquals(2L, pipe.first().recv());
            assertTrue(pipe.first().poll(), "end of file: a receive would not block");
            var eof = assertThrows(EOFException.class, pipe.first()::recv);
            assertEquals("connection p/0: end of file (the peer end is closed or its process died)", eof.getMessage());
            assertThrows(EOFException.class, pipe.first()::recvBytes);
            var broken = assertThrows(IOException.class, () -> pipe.first().send(3L));
            assertEquals("connection p/0: the peer end is closed (broken pipe)", broken.getMessage());
            assertEquals("IOException connection p/1 is closed", child.ask("send 3", "FAILED"));
            child.exit();
        }
    }

    @Test
    void aBlockedReaderGetsEndOfFileWhenThePeerProcessDies() throws Exception {
        Pipe pipe = Pipe.duplex(namespace, "p");
        try (CommandChild child = PipeChild.holding(pipe.second())) {
            child.ask("send 1", "SENT");
            assertEquals(1L, pipe.first().recv());
            Thread killer = Thread.ofPlatform().start(() -> {
                try {
                    Thread.sleep(200);
                    child.kill();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            assertThrows(EOFException.class, pipe.first()::recv);
            killer.join();
        }
    }

    @Test
    void aClosedEndFailsEveryCall() throws Exception {
        Pipe pipe = Pipe.duplex(namespace, "p");
        pipe.first().close();
        pipe.first().close(); // idempotent
        assertTrue(pipe.first().isClosed());
        var thrown = assertThrows(IOException.class, pipe.first()::recv);
        assertEquals("connection p/0 is closed", thrown.getMessage());
        assertThrows(IOException.class, () -> pipe.first().send(1L));
        assertThrows(IOException.class, () -> pipe.first().sendBytes(new byte[1]));
        assertThrows(IOException.class, pipe.first()::poll);
        assertThrows(EOFException.class, pipe.second()::recv, "its peer reads the end of file");
    }

    @Test
    void aOneWayPipeHasAReaderAndAWriter() throws Exception {
        Pipe pipe = Pipe.oneWay(namespace, "p");
        assertTrue(pipe.reader().readable() && !pipe.reader().writable());
        assertTrue(pipe.writer().writable() && !pipe.writer().readable());
        var readOnly = assertThrows(IOException.class, () -> pipe.reader().send(1L));
        assertEquals("connection p/0 is read-only (the reader of a one-way pipe)", readOnly.getMessage());
        assertThrows(IOException.class, pipe.writer()::recv);
        try (CommandChild child = PipeChild.holding(pipe.writer())) {
            child.ask("sendText hello", "SENT");
            assertEquals("hello", pipe.reader().recv());
            child.exit();
        }
        assertThrows(EOFException.class, pipe.reader()::recv, "the writer's process exited");
    }

    @Test
    void aReceiveFreesItsRoomForASenderWhileTheReceiverItselfWaitsForRoom() throws Exception {
        // 1 KiB rings: eight 120-byte messages (128-byte records) fill one direction.
        Pipe pipe = Pipe.duplex(namespace, "p", PipeOptions.defaults().withRingBytes(1024));
        String nine = " 120".repeat(9);
        try (CommandChild child = PipeChild.holding(pipe.second())) {
            AtomicInteger sent = new AtomicInteger();
            Thread sender = new Thread(() -> {
                try {
                    for (int i = 0; i < 9; i++) {
                        pipe.first().sendBytes(pattern(120));
                        sent.incrementAndGet();
                    }
                } catch (IOException failed) {
                    throw new IllegalStateException(failed);
                }
            });
            sender.start();
            // The ninth waits for room; the child takes one message, then blocks sending nine.
            assertEquals(describe(pattern(120)), child.ask("recvBytes", "BYTES"));
            child.send("sendBytes" + nine);
            sender.join(10_000);
            assertEquals(9, sent.get(), "the ninth send still waits for the room the child's receive freed");
            for (int i = 0; i < 9; i++) {
                assertArrayEquals(pattern(120), pipe.first().recvBytes());
            }
            child.await("SENT");
            child.exit();
        }
    }

    @Test
    void sixteenMibMessagesRoundTripInChunks() throws Exception {
        Pipe pipe = Pipe.duplex(namespace, "p");
        byte[] big = pattern(MIB_16);
        try (CommandChild child = PipeChild.holding(pipe.second())) {
            child.send("echoBytes");
            pipe.first().sendBytes(big);
            assertArrayEquals(big, pipe.first().recvBytes());
            child.await("ECHOED");
            child.send("echo 1");
            pipe.first().send(big);
            assertArrayEquals(big, (byte[]) pipe.first().recv());
            child.await("ECHOED");
            child.exit();
        }
    }

    @Test
    void aSenderKilledInTheMiddleOfALongMessageLeavesNoPartOfIt() throws Exception {
        Pipe pipe = Pipe.duplex(namespace, "p");
        try (CommandChild child = PipeChild.holding(pipe.second())) {
            child.send("sendBytes " + MIB_16); // blocks: nobody reads while the ring is full
            Thread.sleep(500);
            child.kill();
            var thrown = assertThrows(IOException.class, pipe.first()::recvBytes);
            assertEquals("connection p/0: the peer closed or died in the middle of a message", thrown.getMessage());
        }
    }

    @Test
    void aMessageThatCannotBeDecodedFailsThatReceiveOnlyAndAGadgetNeverRuns() throws Exception {
        Pipe pipe = Pipe.duplex(namespace, "p");
        io.mproc.codec.Gadget.readObjectRan = false;
        pipe.second().send(new io.mproc.codec.Gadget(null));
        pipe.second().send(8L);
        var thrown = assertThrows(io.mproc.codec.CodecException.class, pipe.first()::recv);
        assertTrue(thrown.getMessage().contains("class io.mproc.codec.Gadget is not allowed by the SerialFilter"),
            thrown.getMessage());
        assertFalse(io.mproc.codec.Gadget.readObjectRan);
        assertEquals(8L, pipe.first().recv());
        var unencodable = assertThrows(io.mproc.codec.CodecException.class, () -> pipe.second().send(new Object()));
        assertTrue(unencodable.getMessage().startsWith("connection p/1: cannot encode an element of class java.lang.Object"),
            unencodable.getMessage());
        assertFalse(pipe.first().poll(), "nothing was sent");
    }

    @Test
    void closingTheCopyOfAnEndHandedToAnotherProcessClosesItHereOnly() throws Exception {
        Pipe pipe = Pipe.duplex(namespace, "p");
        try (CommandChild child = PipeChild.holding(pipe.second())) {
            pipe.second().close(); // Python's idiom: the parent closes its copy of the child's end
            child.ask("send 5", "SENT");
            assertEquals(5L, pipe.first().recv());
            pipe.first().send(6L);
            assertEquals("6", child.ask("recv", "RECV"));
            child.exit();
        }
    }
}

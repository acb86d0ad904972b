package io.mproc.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mproc.codec.Codecs;
import io.mproc.testing.CrossProcessTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@link JoinableQueue}: task counting across processes. */
class JoinableQueueTest extends CrossProcessTest {

    @Test
    void joinReturnsOnceAnotherProcessMarkedEveryTaskDone() throws Exception {
        JoinableQueue<Long> queue = JoinableQueue.create(namespace, "tasks.joinable");
        try (CommandChild worker = QueueChild.attachingByName(namespace, "tasks.joinable")) {
            for (long i = 0; i < 3; i++) {
                queue.put(i);
            }
            assertEquals(3, queue.unfinishedTasks());
            assertFalse(queue.join(Duration.ofMillis(100)), "nothing done yet");
            assertEquals("[0, 1, 2]", worker.ask("take 3", "TOOK"));
            worker.ask("taskDone 2", "DONE");
            assertFalse(queue.join(Duration.ofMillis(100)), "one task left");
            worker.send("taskDone 1");
            assertTrue(queue.join(Duration.ofSeconds(10)));
            assertEquals(0, queue.unfinishedTasks());
            worker.exit();
        }
    }

    @Test
    void aJoinInAnotherProcessWakesWhenTheLastTaskIsDone() throws Exception {
        JoinableQueue<Long> queue = JoinableQueue.create(namespace, "tasks.joinable");
        try (CommandChild joiner = QueueChild.attachingByName(namespace, "tasks.joinable")) {
            queue.put(1L);
            joiner.send("join");
            Thread.sleep(100);
            assertEquals(1L, queue.take());
            queue.taskDone();
            assertEquals("", joiner.await("JOINED"));
            joiner.exit();
        }
    }

    @Test
    void taskDoneMoreOftenThanPutsIsAClearError() throws Exception {
        JoinableQueue<Long> queue = JoinableQueue.create(namespace, "tasks.joinable");
        try (CommandChild worker = QueueChild.attachingByName(namespace, "tasks.joinable")) {
            queue.put(1L);
            queue.take();
            queue.taskDone();
            String failed = worker.ask("taskDone 1", "FAILED");
            assertEquals("IllegalStateException queue tasks.joinable: taskDone() called more times than elements"
                + " were put (no unfinished task left)", failed);
            assertThrows(IllegalStateException.class, queue::taskDone);
            assertEquals(0, queue.unfinishedTasks(), "the failed calls changed nothing");
            worker.exit();
        }
    }

    @Test
    void aFailedOfferIsNotCountedAndAPlainAttachIsRefused() {
        JoinableQueue<Long> queue = JoinableQueue.create(namespace, "j", Codecs.longs(),
            QueueOptions.defaults().withMaxSize(1));
        assertTrue(queue.offer(1L));
        assertFalse(queue.offer(2L));
        assertEquals(1, queue.unfinishedTasks());
        SharedQueue.create(namespace, "plain");
        var thrown = assertThrows(IllegalArgumentException.class, () -> JoinableQueue.attach(namespace, "plain",
            Codecs.standard()));
        assertEquals("queue plain is not a JoinableQueue (attach it as a SharedQueue)", thrown.getMessage());
    }

    @Test
    void closeWakesAJoinerWithTheClosedError() throws Exception {
        JoinableQueue<Long> queue = JoinableQueue.create(namespace, "tasks.joinable");
        try (CommandChild joiner = QueueChild.attachingByName(namespace, "tasks.joinable")) {
            queue.put(1L);
            joiner.send("join");
            Thread.sleep(100);
            queue.close();
            assertEquals("IllegalStateException queue tasks.joinable is closed", joiner.await("FAILED"));
            joiner.exit();
        }
    }
}

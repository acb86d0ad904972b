package io.mproc.shared;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mproc.sync.SyncDriver;
import io.mproc.testing.CrossProcessTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Shared arrays in real processes: element writes both ways, element atomics, the optional lock. */
class SharedArrayCrossProcessTest extends CrossProcessTest {

    @Test
    void elementsWrittenByEitherProcessAreSeenByTheOther() throws Exception {
        try (SharedLongArray longs = SharedLongArray.create(namespace, "longs", 4);
             SharedIntArray ints = SharedIntArray.create(namespace, "ints", 3, false);
             SharedDoubleArray doubles = SharedDoubleArray.create(namespace, "doubles", 2);
             SharedByteArray bytes = SharedByteArray.create(namespace, "bytes", 5, false);
             SyncDriver child = SyncDriver.start(namespace.name())) {
            longs.set(3, 1L << 40);
            ints.set(2, 4343);
            doubles.set(1, 3.625);
            bytes.set(4, (byte) -7);
            child.expect("SharedLongArray", "a", "attach", "L", "longs", "longs");
            child.expect("SharedIntArray", "a", "handle", "I", SyncDriver.serialize(ints));
            child.expect("SharedDoubleArray", "a", "handle", "D", SyncDriver.serialize(doubles));
            child.expect("SharedByteArray", "a", "handle", "B", SyncDriver.serialize(bytes));
            child.expect(Long.toString(1L << 40), "a", "aget", "L", "3");
            child.expect("4343", "a", "aget", "I", "2");
            child.expect("3.625", "a", "aget", "D", "1");
            child.expect("-7", "a", "aget", "B", "4");
            child.expect("set", "a", "aset", "L", "0", "-5");
            child.expect("set", "a", "aset", "I", "0", "24234");
            child.expect("set", "a", "aset", "D", "0", "-4.25");
            child.expect("set", "a", "aset", "B", "3", "100");
            assertArrayEquals(new long[] {-5, 0, 0, 1L << 40}, longs.toArray());
            assertArrayEquals(new int[] {24234, 0, 4343}, ints.toArray());
            assertArrayEquals(new double[] {-4.25, 3.625}, doubles.toArray());
            assertArrayEquals(new byte[] {0, 0, 0, 100, -7}, bytes.toArray());
            assertEquals("ERROR IndexOutOfBoundsException: shared array ints: index=3 (expected: 0 to 2)",
                child.call("a", "aget", "I", "3"));
            child.exit();
        }
    }

    @Test
    void neighbouringBytesIncrementedByTwoProcessesAtOnceKeepEveryIncrement() throws Exception {
        int times = 20_000;
        try (SharedByteArray bytes = SharedByteArray.create(namespace, "bytes", 4, false);
             SharedIntArray ints = SharedIntArray.create(namespace, "ints", 2, false);
             SyncDriver child = SyncDriver.start(namespace.name())) {
            child.expect("SharedByteArray", "a", "handle", "B", SyncDriver.serialize(bytes));
            child.expect("SharedIntArray", "b", "handle", "I", SyncDriver.serialize(ints));
            child.send("a", "aadd", "B", "1", Integer.toString(times));
            child.send("b", "aadd", "I", "0", Integer.toString(times));
            for (int k = 0; k < times; k++) {
                bytes.getAndAdd(2, (byte) 1);
                ints.getAndAdd(0, 1);
            }
            assertEquals("done", child.reply("a", Duration.ofSeconds(60)));
            assertEquals("done", child.reply("b", Duration.ofSeconds(60)));
            assertArrayEquals(new byte[] {0, (byte) times, (byte) times, 0}, bytes.toArray(),
                "a byte update through its int word clobbered a neighbour");
            assertEquals(2 * times, ints.get(0));
            child.exit();
        }
    }

    @Test
    void anArrayCreatedWithALockSharesItAndOneWithoutRefusesToGiveOne() throws Exception {
        try (SharedLongArray locked = SharedLongArray.create(namespace, "locked", 2);
             SharedLongArray raw = SharedLongArray.create(namespace, "raw", 2, false);
             SyncDriver child = SyncDriver.start(namespace.name())) {
            assertTrue(locked.hasLock());
            assertFalse(raw.hasLock());
            assertThrows(IllegalStateException.class, raw::lock);
            locked.lock().lock();
            try (SharedLongArray attached = SharedLongArray.attach(namespace, "locked")) {
                assertTrue(attached.hasLock());
                assertTrue(attached.lock().isLocked(), "the attached array has the same lock");
            }
            child.expect("SharedRLock", "a", "handle", "l", SyncDriver.serialize(locked.lock()));
            assertEquals("false", child.call("a", "trylock", "l").split(" ")[0]);
            locked.lock().unlock();
            assertEquals("true", child.call("a", "trylock", "l").split(" ")[0]);
            child.expect("unlocked", "a", "unlock", "l");
            assertThrows(IllegalArgumentException.class, () -> SharedIntArray.attach(namespace, "raw"));
            child.exit();
        }
    }
}

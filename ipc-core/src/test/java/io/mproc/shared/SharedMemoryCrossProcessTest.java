package io.mproc.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mproc.memory.OrderedAccess;
import io.mproc.memory.RegionExistsException;
import io.mproc.memory.RegionNotFoundException;
import io.mproc.sync.SyncDriver;
import io.mproc.testing.CrossProcessTest;
import org.junit.jupiter.api.Test;

/** Named raw blocks: Python's SharedMemory rules, and bytes written in one process read in another. */
class SharedMemoryCrossProcessTest extends CrossProcessTest {

    @Test
    void createNeedsAPositiveSizeAndAFreeNameAndAttachNeedsAnExistingBlock() {
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
            () -> SharedMemory.create(namespace, "block", 0));
        assertEquals("shared memory block: size=0 (expected: > 0)", zero.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SharedMemory.create(namespace, "block", -1));
        assertThrows(RegionNotFoundException.class, () -> SharedMemory.attach(namespace, "block"));
        try (SharedMemory block = SharedMemory.create(namespace, "block", 100)) {
            assertEquals(100, block.size());
            assertThrows(RegionExistsException.class, () -> SharedMemory.create(namespace, "block", 100));
            try (SharedMemory attached = SharedMemory.attach(namespace, "block")) {
                assertEquals(100, attached.size(), "attach takes the creator's size");
            }
        }
    }

    @Test
    void closeIsPerHandleAndUnlinkWorksOnce() {
        try (SharedMemory block = SharedMemory.create(namespace, "block", 64)) {
            SharedMemory other = SharedMemory.attach(namespace, "block");
            OrderedAccess.setLongRelease(block.segment(), 0, 42);
            other.close();
            assertFalse(other.isOpen());
            assertThrows(IllegalStateException.class, other::segment);
            assertEquals(42, OrderedAccess.getLongAcquire(block.segment(), 0), "the other handle is still mapped");
            block.unlink();
            assertThrows(RegionNotFoundException.class, block::unlink, "a second unlink");
            assertThrows(RegionNotFoundException.class, () -> SharedMemory.attach(namespace, "block"));
            assertEquals(42, OrderedAccess.getLongAcquire(block.segment(), 0), "unlink keeps existing mappings");
        }
    }

    @Test
    void bytesWrittenByEitherProcessAreReadByTheOther() throws Exception {
        try (SharedMemory block = SharedMemory.create(namespace, "block", 1 << 20);
             SyncDriver child = SyncDriver.start(namespace.name())) {
            OrderedAccess.setLongRelease(block.segment(), 1000, 1L << 40);
            child.expect("SharedMemory", "a", "handle", "m", SyncDriver.serialize(block));
            child.expect("SharedMemory", "b", "attach", "m2", "memory", "block");
            child.expect(Integer.toString(1 << 20), "a", "msize", "m");
            child.expect(Long.toString(1L << 40), "a", "mread", "m", "1000");
            child.expect("written", "b", "mwrite", "m2", "524288", "-77");
            assertEquals(-77, OrderedAccess.getLongAcquire(block.segment(), 524288));
            assertTrue(block.segment().byteSize() >= 1 << 20);
            child.exit();
        }
    }
}

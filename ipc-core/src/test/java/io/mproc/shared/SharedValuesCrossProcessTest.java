package io.mproc.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mproc.sync.SyncDriver;
import io.mproc.testing.CrossProcessTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Shared values in real processes: Python's Value assertions both ways, and atomic updates without a lock. */
class SharedValuesCrossProcessTest extends CrossProcessTest {

    @Test
    void writesOfEitherProcessAreSeenByTheOther() throws Exception {
        try (SharedInt i = SharedInt.create(namespace, "i", 4343);
             SharedDouble d = SharedDouble.create(namespace, "d", 3.625);
             SharedLong l = SharedLong.create(namespace, "l", 1L << 33);
             SyncDriver child = SyncDriver.start(namespace.name())) {
            child.expect("SharedInt", "a", "handle", "i", SyncDriver.serialize(i));
            child.expect("SharedDouble", "a", "handle", "d", SyncDriver.serialize(d));
            child.expect("SharedLong", "a", "attach", "l", "long", "l");
            child.expect("4343", "a", "get", "i");
            child.expect("3.625", "a", "get", "d");
            child.expect(Long.toString(1L << 33), "a", "get", "l");
            child.expect("set", "a", "set", "i", "24234");
            child.expect("set", "a", "set", "d", "-4.25");
            child.expect("set", "a", "set", "l", Long.toString(1L << 34));
            assertEquals(24234, i.get());
            assertEquals(-4.25, d.get());
            assertEquals(1L << 34, l.get());
            i.set(-1);
            child.expect("-1", "a", "get", "i");
            child.exit();
        }
    }

    @Test
    void incrementsFromThreeProcessesAreAtomicWithoutALock() throws Exception {
        int times = 100_000;
        try (SharedLong counter = SharedLong.create(namespace, "counter", 0);
             SyncDriver one = SyncDriver.start(namespace.name());
             SyncDriver two = SyncDriver.start(namespace.name())) {
            for (SyncDriver child : new SyncDriver[] {one, two}) {
                child.expect("SharedLong", "a", "handle", "n", SyncDriver.serialize(counter));
                child.send("a", "incr-atomic", "n", Integer.toString(times));
            }
            for (int k = 0; k < times; k++) {
                counter.incrementAndGet();
            }
            assertEquals("done", one.reply("a", Duration.ofSeconds(60)));
            assertEquals("done", two.reply("a", Duration.ofSeconds(60)));
            assertEquals(3L * times, counter.get());
            one.exit();
            two.exit();
        }
    }

    @Test
    void valuesOfferTheAtomicOperationsAndRefuseTheWrongType() {
        try (SharedLong l = SharedLong.create(namespace, "l", 5);
             SharedInt i = SharedInt.createOrAttach(namespace, "i", 7);
             SharedDouble d = SharedDouble.create(namespace, "d", 1.5)) {
            assertTrue(l.compareAndSet(5, 6));
            assertFalse(l.compareAndSet(5, 7));
            assertEquals(6, l.getAndAdd(4));
            assertEquals(11, l.incrementAndGet());
            assertEquals(11, l.getAndSet(2));
            assertEquals(8, l.updateAndGet(x -> x * 4));
            assertEquals(8, i.addAndGet(1));
            assertEquals(7, i.decrementAndGet());
            assertEquals(1.5, d.getAndAdd(0.25));
            assertEquals(1.75, d.get());
            assertTrue(d.compareAndSet(1.75, -0.0));
            assertFalse(d.compareAndSet(0.0, 1), "bits are compared: 0.0 is not -0.0");
            IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                () -> SharedInt.attach(namespace, "l"));
            assertTrue(wrong.getMessage().contains("SharedLong"), wrong.getMessage());
            try (SharedInt again = SharedInt.createOrAttach(namespace, "i", 99)) {
                assertEquals(7, again.get(), "createOrAttach attached, ignoring its initial value");
            }
        }
    }
}

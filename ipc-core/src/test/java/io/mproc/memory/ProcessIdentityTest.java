package io.mproc.memory;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class ProcessIdentityTest {
    @Test
    void currentProcessIsAliveWithAKnownStartTime() {
        ProcessIdentity self = ProcessIdentity.current();
        assertEquals(ProcessHandle.current().pid(), self.pid());
        assertNotEquals(ProcessIdentity.UNKNOWN_START, self.startTime());
        assertTrue(self.isAlive());
        assertTrue(ProcessIdentity.isAliveByToken(self.pid(), self.startToken()));
    }

    @Test
    void exitedProcessIsDead() throws Exception {
        int pid = RegionTest.deadProcessPid();
        assertFalse(ProcessIdentity.isAlive(pid, ProcessIdentity.UNKNOWN_START));
        assertTrue(ProcessIdentity.of(pid).isEmpty());
    }

    @Test
    void aReusedPidIsNotTheProcessRecordedEarlier() {
        ProcessIdentity self = ProcessIdentity.current();
        // Same pid, another start time: what a recycled pid looks like.
        assertFalse(ProcessIdentity.isAlive(self.pid(), self.startTime() + 1));
        assertFalse(ProcessIdentity.isAliveByToken(self.pid(), self.startToken() + 1));
    }

    @Test
    void nonPositivePidsAreNeverAlive() {
        assertTrue(ProcessIdentity.of(0).isEmpty());
        assertTrue(ProcessIdentity.of(-1).isEmpty());
    }
}

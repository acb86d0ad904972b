package io.mproc.process;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UnixSignalTest {
    @Test
    void everyConstantIsNamedAsItsSignalAndOthersByNumber() {
        for (UnixSignal signal : UnixSignal.values()) {
            assertEquals("SIG" + signal.name(), UnixSignal.nameOf(signal.number()));
        }
        assertEquals("SIGSTOP", UnixSignal.nameOf(19));
        assertEquals("SIGSEGV", UnixSignal.nameOf(11));
        assertEquals("signal 42", UnixSignal.nameOf(42));
    }
}

package io.mproc.ring;

import java.lang.foreign.MemorySegment;

/**
 * Receives one message in place: {@code length} bytes at {@code offset} in {@code buffer}, the
 * ring's own mapped memory. The bytes are valid only until the handler returns; copy what must
 * outlive the call.
 */
@FunctionalInterface
public interface MessageHandler {
    void onMessage(int type, MemorySegment buffer, long offset, int length);
}

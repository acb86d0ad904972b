package io.mproc.bench.channel;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Values cut anywhere by the byte stream come out whole, in order, and a gap is caught. */
class ValueFramesTest {

    @Test
    void aValueSplitAcrossChunksWaitsForItsLastByte() {
        ValueFrames frames = new ValueFrames(ByteBuffer.allocate(64));
        byte[] stream = ByteBuffer.allocate(24).putLong(1).putLong(2).putLong(3).array();
        frames.space().put(stream, 0, 11);
        frames.filled();
        assertEquals(1, frames.take(10));
        assertFalse(frames.hasValue());
        frames.space().put(stream, 11, 13);
        frames.filled();
        assertTrue(frames.hasValue());
        assertEquals(2, frames.take(10));
    }

    @Test
    void takesNoMoreThanTheLimitAndKeepsTheRest() {
        ValueFrames frames = new ValueFrames(ByteBuffer.allocateDirect(64));
        frames.space().putLong(1).putLong(2).putLong(3);
        frames.filled();
        assertEquals(2, frames.take(2));
        assertEquals(1, frames.take(2));
        assertEquals(0, frames.take(2));
    }

    @Test
    void aGapInTheSequenceIsAnError() {
        ValueFrames frames = new ValueFrames(ByteBuffer.allocate(64));
        frames.space().putLong(1).putLong(3);
        frames.filled();
        IllegalStateException gap = assertThrows(IllegalStateException.class, () -> frames.take(2));
        assertEquals("expected 2 but read 3", gap.getMessage());
    }

    @Test
    void aBufferTooSmallForOneValueIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ValueFrames(ByteBuffer.allocate(7)));
    }
}

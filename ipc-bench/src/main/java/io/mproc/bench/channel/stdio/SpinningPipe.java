package io.mproc.bench.channel.stdio;

import io.mproc.bench.channel.PeerGoneException;
import io.mproc.bench.channel.SpinWait;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Whole-message reads and writes on the two pipes of a peer's standard streams. A read
 * busy-spins on {@link InputStream#available()} ({@code FIONREAD} on a pipe) and reads only what
 * is there, so it never sleeps in the kernel; a write is one {@code write(2)} of the whole
 * message, which sleeps only if the pipe (64 KiB on Linux) is full.
 */
final class SpinningPipe {

    private SpinningPipe() {
    }

    /** Fills {@code message[0, length)} from {@code in}, spinning while nothing is there. */
    static void readFully(InputStream in, byte[] message, int length, SpinWait spin) {
        int got = 0;
        while (got < length) {
            int n = readAvailable(in, message, got, length - got);
            if (n == 0) {
                spin.idle();
            }
            got += n;
        }
    }

    /** Reads up to {@code max} bytes that are already in the pipe, without waiting; 0 if none. */
    static int readAvailable(InputStream in, byte[] into, int offset, int max) {
        try {
            int ready = in.available();
            if (ready == 0) {
                return 0;
            }
            int n = in.read(into, offset, Math.min(ready, max));
            if (n < 0) {
                throw new PeerGoneException("the peer closed its end of the pipe");
            }
            return n;
        } catch (IOException failed) {
            throw new UncheckedIOException("reading from the peer's pipe", failed);
        }
    }

    /**
     * Writes {@code message[0, length)} and flushes it into the pipe. A write fails only when
     * the reading end is closed ({@code EPIPE}): the peer is gone.
     */
    static void write(OutputStream out, byte[] message, int length) {
        try {
            out.write(message, 0, length);
            out.flush();
        } catch (IOException failed) {
            throw new PeerGoneException("the peer closed its end of the pipe (" + failed.getMessage() + ")");
        }
    }

    /** Closes both ends this side holds; a peer already gone leaves nothing to release. */
    static void close(InputStream in, OutputStream out) {
        try (in; out) {
            out.flush();
        } catch (IOException ignored) {
            // the other side is gone: its end of the pipe is closed already
        }
    }
}

package io.mproc.bench.channel.socket;

import io.mproc.bench.channel.PeerGoneException;
import io.mproc.bench.channel.SpinWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * Whole-buffer reads and writes on a non-blocking socket, busy-spinning while it has nothing to
 * give or no room to take: one {@code read(2)} or {@code write(2)} per turn, no selector.
 */
final class SpinningSocket {

    private SpinningSocket() {
    }

    /** Writes everything from the buffer's position to its limit. */
    static void writeFully(SocketChannel socket, ByteBuffer bytes, SpinWait spin) {
        try {
            while (bytes.hasRemaining()) {
                if (socket.write(bytes) == 0) {
                    spin.idle();
                }
            }
        } catch (IOException failed) {
            // a reset or broken connection: the peer closed its socket or died
            throw new PeerGoneException("the peer's socket is closed (" + failed.getMessage() + ")");
        }
    }

    /** Reads until the buffer is full (position = limit); the peer closing first means it is gone. */
    static void readFully(SocketChannel socket, ByteBuffer bytes, SpinWait spin) {
        while (bytes.hasRemaining()) {
            if (read(socket, bytes) == 0) {
                spin.idle();
            }
        }
    }

    /** One read: the bytes it got, 0 if none were waiting; the peer closing means it is gone. */
    static int read(SocketChannel socket, ByteBuffer bytes) {
        try {
            int n = socket.read(bytes);
            if (n < 0) {
                throw new PeerGoneException("the peer closed its socket");
            }
            return n;
        } catch (IOException failed) {
            throw new UncheckedIOException("reading from the peer's socket", failed);
        }
    }
}

package io.mproc.bench.channel.socket;

import io.mproc.bench.channel.SpinWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The bench side's listening socket. It is bound before the peer starts and accepts the peer's
 * one connection when the bench side first needs it (the peer connects before it says READY, so
 * that is at once in a run); it deletes its rendezvous file on close.
 */
final class Listener implements AutoCloseable {

    private final SocketKind kind;
    private final ServerSocketChannel server;
    private final Path rendezvous;

    Listener(SocketKind kind, ServerSocketChannel server, Path rendezvous) throws IOException {
        this.kind = kind;
        this.server = server;
        this.rendezvous = rendezvous;
        server.configureBlocking(false);
    }

    /** The peer's connection, or null if it has not connected yet. */
    SocketChannel tryAccept() {
        try {
            SocketChannel socket = server.accept();
            return socket == null ? null : kind.configure(socket);
        } catch (IOException failed) {
            throw new UncheckedIOException("accepting on " + rendezvous, failed);
        }
    }

    /** The peer's connection, spinning until it connects (or the watch says it never will). */
    SocketChannel accept(SpinWait spin) {
        SocketChannel socket;
        while ((socket = tryAccept()) == null) {
            spin.idle();
        }
        return socket;
    }

    @Override
    public void close() {
        try {
            server.close();
            Files.deleteIfExists(rendezvous);
        } catch (IOException failed) {
            throw new UncheckedIOException("closing " + rendezvous, failed);
        }
    }
}

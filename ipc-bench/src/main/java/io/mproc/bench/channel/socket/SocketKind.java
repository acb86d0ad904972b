package io.mproc.bench.channel.socket;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProtocolFamily;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The two kinds of stream socket measured, and how the peer finds the bench side's listening
 * socket through a file in the run's directory (the rendezvous): for a Unix-domain socket the
 * file is the socket itself; for TCP on loopback it holds the port the system picked. Every
 * connected socket is non-blocking (the sides busy-spin) and, for TCP, has {@code TCP_NODELAY}
 * (no Nagle delay for small messages).
 */
public enum SocketKind {

    /** A Unix-domain stream socket ({@link UnixDomainSocketAddress}) bound to the rendezvous file. */
    UNIX(".sock", StandardProtocolFamily.UNIX) {
        @Override
        void bind(ServerSocketChannel server, Path rendezvous) throws IOException {
            server.bind(UnixDomainSocketAddress.of(rendezvous));
        }

        @Override
        SocketAddress peerAddress(Path rendezvous) {
            return UnixDomainSocketAddress.of(rendezvous);
        }
    },

    /** TCP to 127.0.0.1 on a port the system picks, written to the rendezvous file. */
    TCP_LOOPBACK(".tcp-port", StandardProtocolFamily.INET) {
        @Override
        void bind(ServerSocketChannel server, Path rendezvous) throws IOException {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Files.writeString(rendezvous, Integer.toString(((InetSocketAddress) server.getLocalAddress()).getPort()));
        }

        @Override
        SocketAddress peerAddress(Path rendezvous) throws IOException {
            int port = Integer.parseInt(Files.readString(rendezvous).trim());
            return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        }

        @Override
        void setOptions(SocketChannel socket) throws IOException {
            socket.setOption(StandardSocketOptions.TCP_NODELAY, true);
        }
    };

    private final String suffix;
    private final ProtocolFamily family;

    SocketKind(String suffix, ProtocolFamily family) {
        this.suffix = suffix;
        this.family = family;
    }

    /** The rendezvous file's suffix, appended to the channel spec's id. */
    String suffix() {
        return suffix;
    }

    /** The bench side: a listening socket the peer can find through {@code rendezvous}. */
    Listener listen(Path rendezvous) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open(family);
        try {
            bind(server, rendezvous);
            return new Listener(this, server, rendezvous);
        } catch (IOException | RuntimeException failed) {
            server.close();
            throw failed;
        }
    }

    /** The peer side: connects to the socket found through {@code rendezvous}. */
    SocketChannel connect(Path rendezvous) throws IOException {
        return configure(SocketChannel.open(peerAddress(rendezvous)));
    }

    /** Binds the bench side's socket and leaves in {@code rendezvous} what the peer needs to find it. */
    abstract void bind(ServerSocketChannel server, Path rendezvous) throws IOException;

    /** Where the peer connects, read from {@code rendezvous}. */
    abstract SocketAddress peerAddress(Path rendezvous) throws IOException;

    /** Options of this kind on a connected socket; none by default. */
    void setOptions(SocketChannel socket) throws IOException {
    }

    /** Sets a connected socket up for busy-spinning: non-blocking, with this kind's options; closes it if that fails. */
    SocketChannel configure(SocketChannel socket) throws IOException {
        try {
            setOptions(socket);
            socket.configureBlocking(false);
            return socket;
        } catch (IOException | RuntimeException failed) {
            socket.close();
            throw failed;
        }
    }
}

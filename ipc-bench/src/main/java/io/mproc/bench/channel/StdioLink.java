package io.mproc.bench.channel;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;

/**
 * One side's ends of the two anonymous pipes between the bench JVM and a peer started with
 * piped standard streams: in the bench JVM {@code in} is the peer's stdout and {@code out} its
 * stdin; in the peer, {@code in} is its own stdin and {@code out} its own stdout.
 */
public record StdioLink(InputStream in, OutputStream out) {

    public StdioLink {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
    }
}

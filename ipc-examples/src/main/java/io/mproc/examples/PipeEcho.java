package io.mproc.examples;

import io.mproc.memory.RegionNamespace;
import io.mproc.pipe.Connection;
import io.mproc.pipe.Pipe;
import io.mproc.process.JvmProcess;
import java.io.EOFException;
import java.io.IOException;
import java.util.List;

/**
 * A duplex {@link Pipe}: the parent sends messages through its end, a child process sends each
 * back in capitals through the other, until the parent closes its end. Python's
 * {@code parent_conn, child_conn = Pipe()}.
 *
 * <pre>
 * sent hello, got back HELLO
 * sent shared memory, got back SHARED MEMORY
 * sent pipes, got back PIPES
 * echo: end of file, stopping
 * echo process exit code 0
 * </pre>
 */
public final class PipeEcho {
    private PipeEcho() {
    }

    static void echo(Connection connection) throws IOException {
        try (connection) {
            while (true) {
                String message = (String) connection.recv();
                connection.send(message.toUpperCase());
            }
        } catch (EOFException parentClosedItsEnd) {
            System.out.println("echo: end of file, stopping");
        }
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        try (RegionNamespace namespace = RegionNamespace.open("pipe-example-" + ProcessHandle.current().pid())) {
            Pipe pipe = Pipe.duplex(namespace, "echo");
            Connection mine = pipe.first();
            try (JvmProcess<Void> child = JvmProcess.run(PipeEcho::echo, pipe.second()).start()) {
                // The child holds the second end now; close this JVM's copy (Python's idiom),
                // so that only the child's death or close ends it.
                pipe.second().close();
                for (String message : List.of("hello", "shared memory", "pipes")) {
                    mine.send(message);
                    System.out.println("sent " + message + ", got back " + mine.recv());
                }
                mine.close(); // the child reads what was sent, then recv() throws EOFException
                child.join();
                System.out.println("echo process exit code " + child.exitCode().orElseThrow());
            }
        }
    }
}

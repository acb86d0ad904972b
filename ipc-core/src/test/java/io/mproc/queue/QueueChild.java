package io.mproc.queue;

import io.mproc.codec.SerialFilter;
import io.mproc.memory.RegionNamespace;
import io.mproc.testing.ChildJvm;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** The parent's side of a {@link QueueChildMain}: start it, send it commands, read its answers. */
final class QueueChild implements AutoCloseable {
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final ChildJvm jvm;

    private QueueChild(ChildJvm jvm) throws InterruptedException {
        this.jvm = jvm;
        jvm.awaitLine("READY", TIMEOUT);
    }

    /** A child that attaches to the queue by name. */
    static QueueChild attachingByName(RegionNamespace namespace, String queue) throws InterruptedException {
        return new QueueChild(ChildJvm.start(QueueChildMain.class, namespace.name(), queue));
    }

    /** A child that receives the queue as serialized handle bytes (Base64 on its command line). */
    static QueueChild receivingHandle(SharedQueue<?> queue) throws InterruptedException {
        String handle = Base64.getEncoder().encodeToString(SerialFilter.serialize(queue));
        return new QueueChild(ChildJvm.start(QueueChildMain.class, "handle", handle));
    }

    /** Sends one command line. */
    QueueChild send(String command) {
        try {
            OutputStream in = jvm.process().getOutputStream();
            in.write((command + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
        } catch (IOException failed) {
            throw new AssertionError("cannot send \"" + command + "\" to the child: " + failed, failed);
        }
        return this;
    }

    /** Waits for the next answer starting with {@code prefix} and returns the rest of it. */
    String await(String prefix) throws InterruptedException {
        return jvm.awaitLine(prefix, TIMEOUT).substring(prefix.length()).strip();
    }

    /** Sends a command and waits for its answer. */
    String ask(String command, String answerPrefix) throws InterruptedException {
        return send(command).await(answerPrefix);
    }

    ChildJvm jvm() {
        return jvm;
    }

    void kill() throws InterruptedException {
        jvm.kill();
    }

    /** Asks the child to exit and waits for it. */
    void exit() throws InterruptedException {
        send("exit");
        jvm.awaitSuccess(TIMEOUT);
    }

    @Override
    public void close() {
        jvm.close();
    }
}

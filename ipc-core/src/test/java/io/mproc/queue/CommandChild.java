package io.mproc.queue;

import io.mproc.testing.ChildJvm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A child JVM that a test drives line by line: the test sends a command on the child's stdin
 * and waits for the answer line, which starts with a word the command names. The child side is
 * {@link #serve}: it runs each command and prints {@code FAILED <exception> <message>} for one
 * that throws. Used by the queue and pipe tests.
 */
public final class CommandChild implements AutoCloseable {
    /** How long a test waits for a child to start or answer. */
    public static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final ChildJvm jvm;

    private CommandChild(ChildJvm jvm) throws InterruptedException {
        this.jvm = jvm;
        jvm.awaitLine("READY", TIMEOUT);
    }

    /** Starts {@code main} with {@code args} and waits for its READY line. */
    public static CommandChild start(Class<?> main, String... args) throws InterruptedException {
        return new CommandChild(ChildJvm.start(main, args));
    }

    /** Sends one command line. */
    public CommandChild send(String command) {
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
    public String await(String prefix) throws InterruptedException {
        return jvm.awaitLine(prefix, TIMEOUT).substring(prefix.length()).strip();
    }

    /** Sends a command and waits for its answer. */
    public String ask(String command, String answerPrefix) throws InterruptedException {
        return send(command).await(answerPrefix);
    }

    public ChildJvm jvm() {
        return jvm;
    }

    public void kill() throws InterruptedException {
        jvm.kill();
    }

    /** Asks the child to exit and waits for it to succeed. */
    public void exit() throws InterruptedException {
        send("exit");
        jvm.awaitSuccess(TIMEOUT);
    }

    @Override
    public void close() {
        jvm.close();
    }

    /** One command of a child: returns false to end the child. */
    @FunctionalInterface
    public interface Command {
        boolean run(String[] words) throws Exception;
    }

    /** The child's side: runs stdin's commands until {@code exit} (or stdin closes). */
    public static void serve(Command command) throws IOException {
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = commands.readLine(); line != null; line = commands.readLine()) {
            String[] words = line.split(" ");
            if (words[0].equals("exit")) {
                System.out.println("BYE");
                return;
            }
            try {
                if (!command.run(words)) {
                    return;
                }
            } catch (Exception failed) {
                System.out.println("FAILED " + failed.getClass().getSimpleName() + " " + failed.getMessage());
            }
        }
    }
}

package io.mproc.pipe;

import io.mproc.codec.SerialFilter;
import io.mproc.queue.CommandChild;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;

/**
 * A child JVM that holds one pipe end, received as a serialized handle (Base64 argument), and
 * works on it as the parent's stdin commands say. Prints READY once it holds the end.
 */
public final class PipeChildMain {
    private PipeChildMain() {
    }

    public static void main(String[] args) throws Exception {
        byte[] handle = Base64.getDecoder().decode(args[0]);
        Connection connection = (Connection) SerialFilter.standard().deserialize(handle, 0, handle.length);
        System.out.println("READY " + connection);
        CommandChild.serve(words -> run(connection, words));
    }

    private static boolean run(Connection connection, String[] words) throws Exception {
        switch (words[0]) {
            case "send" -> {
                connection.send(Long.parseLong(words[1]));
                System.out.println("SENT");
            }
            case "sendText" -> {
                connection.send(words[1]);
                System.out.println("SENT");
            }
            case "sendBytes" -> {
                for (int i = 1; i < words.length; i++) {
                    connection.sendBytes(pattern(Integer.parseInt(words[i])));
                }
                System.out.println("SENT");
            }
            case "recv" -> {
                Object message = connection.recv();
                System.out.println("RECV " + (message instanceof byte[] bytes ? describe(bytes) : message));
            }
            case "recvBytes" -> System.out.println("BYTES " + describe(connection.recvBytes()));
            case "echo" -> {
                for (int i = 0; i < Integer.parseInt(words[1]); i++) {
                    connection.send(connection.recv());
                }
                System.out.println("ECHOED");
            }
            case "echoBytes" -> {
                connection.sendBytes(connection.recvBytes());
                System.out.println("ECHOED");
            }
            case "poll" -> System.out.println("POLL " + connection.poll(Duration.ofMillis(Long.parseLong(words[1]))));
            case "close" -> {
                connection.close();
                System.out.println("CLOSED");
            }
            default -> System.out.println("FAILED unknown command " + String.join(" ", words));
        }
        return true;
    }

    /** {@code length} bytes of a fixed pattern, so that both sides can check content. */
    static byte[] pattern(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i * 31 + 7 + (i >>> 16));
        }
        return bytes;
    }

    /** Length and content hash: what both sides compare. */
    static String describe(byte[] bytes) {
        return bytes.length + ":" + Arrays.hashCode(bytes);
    }
}

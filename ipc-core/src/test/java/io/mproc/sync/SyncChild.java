package io.mproc.sync;

import io.mproc.memory.RegionNamespace;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.ObjectInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A child JVM driven line by line from the test ({@link SyncDriver}): each line is
 * {@code <worker> <command> <args...>}; commands of one worker run in order on that worker's
 * own thread (so a lock taken by a worker is held by its thread), and each prints one reply
 * line {@code <worker> <result>}, or {@code <worker> ERROR <exception class>: <message>}.
 * Argument: the namespace to attach objects in. Objects are kept in variables, received as
 * Base64 serialised handles ({@code handle var base64}) or attached by name ({@link SyncCommands}).
 */
public final class SyncChild {
    private SyncChild() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Object> variables = new ConcurrentHashMap<>();
        Map<String, ExecutorService> workers = new ConcurrentHashMap<>();
        try (RegionNamespace namespace = RegionNamespace.open(args[0])) {
            SyncCommands commands = new SyncCommands(namespace, variables);
            System.out.println("READY");
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] words = line.trim().split(" +");
                String worker = words[0];
                if (words.length > 1 && words[1].equals("exit")) {
                    break;
                }
                workers.computeIfAbsent(worker, w -> Executors.newSingleThreadExecutor(runnable ->
                    Thread.ofPlatform().daemon().name("worker-" + w).unstarted(runnable)))
                    .execute(() -> reply(worker, commands, words));
            }
        }
        System.out.flush();
        System.exit(0);
    }

    private static void reply(String worker, SyncCommands commands, String[] words) {
        String result;
        try {
            result = commands.run(words);
        } catch (Throwable failed) {
            result = "ERROR " + failed.getClass().getSimpleName() + ": " + failed.getMessage();
        }
        synchronized (System.out) {
            System.out.println(worker + " " + result);
        }
    }

    /** Reads a handle sent as Base64, behind mproc's handle filter. */
    static Object deserialize(String base64) throws Exception {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(base64)))) {
            in.setObjectInputFilter(RegionBinding.HANDLE_FILTER);
            return in.readObject();
        }
    }
}

package io.mproc.process;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints how long it takes from {@code start()} until the target runs, for a cold child (with
 * and without the startup cache) and a warm one, next to a {@code java Hello} started the same
 * way in the same run. Not a test (no timing assertions anywhere); run it by hand:
 * {@code java --enable-native-access=ALL-UNNAMED -cp <test class path> io.mproc.process.StartTimes [rounds]}.
 * Each figure is the time from just before the start call to the child's first statement, both
 * read from {@link System#nanoTime()}, which is the same monotonic clock in every process.
 */
public final class StartTimes {
    private StartTimes() {
    }

    /** The {@code Hello} of the comparison: prints the time its main began. */
    public static final class Hello {
        private Hello() {
        }

        public static void main(String[] args) {
            System.out.println(System.nanoTime());
        }
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        String cache = StartupCache.prepare().map(Path::toString).orElse("none");
        String cacheSetting = System.getProperty(StartupCache.PROPERTY, "");
        List<Long> hello = new ArrayList<>();
        List<Long> cold = new ArrayList<>();
        List<Long> coldUncached = new ArrayList<>();
        List<Long> warm = new ArrayList<>();
        LaunchSettings quiet = LaunchSettings.defaults().withStdout(Redirect.DISCARD);
        try (StandbyJvms pool = StandbyJvms.builder().size(1).settings(quiet).start()) {
            for (int round = -2; round < rounds; round++) {
                // The replacement standby boots after each warm start: let it finish first.
                while (pool.ready() < 1) {
                    Thread.sleep(5);
                }
                Thread.sleep(100);
                long helloTime = hello();
                long coldTime = startToRunning(JvmProcess.call(System::nanoTime).settings(quiet));
                System.setProperty(StartupCache.PROPERTY, "off");
                long uncachedTime = startToRunning(JvmProcess.call(System::nanoTime).settings(quiet));
                System.setProperty(StartupCache.PROPERTY, cacheSetting);
                Thread.sleep(100);
                long warmTime = startToRunning(JvmProcess.call(System::nanoTime).standby(pool));
                if (round >= 0) {
                    hello.add(helloTime);
                    cold.add(coldTime);
                    coldUncached.add(uncachedTime);
                    warm.add(warmTime);
                }
            }
        }
        System.out.println("start() to target running, " + rounds + " rounds each (median, min, max), cache " + cache);
        print("java Hello (same launch, no mproc)", hello);
        print("cold, startup cache", cold);
        print("cold, no startup cache", coldUncached);
        print("warm, standby JVM", warm);
    }

    private static long startToRunning(JvmProcessBuilder<Long> builder) throws Exception {
        JvmProcess<Long> process = builder.build();
        long before = System.nanoTime();
        process.start();
        long running = process.result();
        process.close();
        return running - before;
    }

    private static long hello() throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", Path.of(Hello.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString(),
            Hello.class.getName());
        long before = System.nanoTime();
        Process process = new ProcessBuilder(command).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
            StandardCharsets.US_ASCII))) {
            long running = Long.parseLong(out.readLine().trim());
            process.waitFor();
            return running - before;
        }
    }

    private static void print(String what, List<Long> nanos) {
        List<Long> sorted = nanos.stream().sorted().toList();
        System.out.printf("  %-36s %8.2f ms %8.2f ms %8.2f ms%n", what, sorted.get(sorted.size() / 2) / 1e6,
            sorted.getFirst() / 1e6, sorted.getLast() / 1e6);
    }
}

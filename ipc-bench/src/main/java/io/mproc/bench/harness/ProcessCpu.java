package io.mproc.bench.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * CPU time of another process. On Linux from {@code /proc/<pid>/task/<tid>/schedstat} (the first
 * field: nanoseconds on CPU, summed over its threads), which is exact; elsewhere from
 * {@link ProcessHandle.Info#totalCpuDuration()}, which moves in clock ticks (10 ms).
 */
final class ProcessCpu {

    private ProcessCpu() {
    }

    static long nanos(long pid) throws IOException {
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        if (Files.isDirectory(tasks)) {
            long total = 0;
            try (Stream<Path> threads = Files.list(tasks)) {
                for (Path thread : threads.toList()) {
                    total += schedstat(thread.resolve("schedstat"));
                }
            }
            return total;
        }
        return ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration())
            .map(Duration::toNanos)
            .orElseThrow(() -> new IOException("no CPU time for process " + pid));
    }

    /**
     * CPU time of the threads of process {@code pid} named {@code threadName} (Linux only;
     * -1 elsewhere): for the share of one thread, such as a peer's waiting {@code main}.
     */
    static long threadNanos(long pid, String threadName) throws IOException {
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        if (!Files.isDirectory(tasks)) {
            return -1;
        }
        long total = 0;
        try (Stream<Path> threads = Files.list(tasks)) {
            for (Path thread : threads.toList()) {
                if (threadName.equals(comm(thread))) {
                    total += schedstat(thread.resolve("schedstat"));
                }
            }
        }
        return total;
    }

    private static String comm(Path thread) {
        try {
            return Files.readString(thread.resolve("comm")).trim();
        } catch (IOException threadGone) {
            return "";
        }
    }

    private static long schedstat(Path file) {
        try {
            String text = Files.readString(file).trim();
            int space = text.indexOf(' ');
            return Long.parseLong(space < 0 ? text : text.substring(0, space));
        } catch (IOException | NumberFormatException threadGone) {
            // a thread that ended between listing and reading: its time is gone with it
            return 0;
        }
    }
}

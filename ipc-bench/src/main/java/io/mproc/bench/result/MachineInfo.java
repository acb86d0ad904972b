package io.mproc.bench.result;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** What the report says about where it ran: numbers mean little without the machine. */
public record MachineInfo(String cpuModel, int cpuCount, int availableProcessors, String kernel,
                          String clocksource, String jdk, String date) {

    public static MachineInfo probe() {
        List<String> cpuinfo = readLines(Path.of("/proc/cpuinfo"));
        String model = cpuinfo.stream().filter(l -> l.startsWith("model name"))
            .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
        int cpus = (int) cpuinfo.stream().filter(l -> l.startsWith("processor")).count();
        String kernel = firstLine(Path.of("/proc/sys/kernel/osrelease"), System.getProperty("os.version"));
        String clock = firstLine(Path.of("/sys/devices/system/clocksource/clocksource0/current_clocksource"),
            "unknown");
        String jdk = Runtime.version() + " (" + System.getProperty("java.vm.name") + ", "
            + System.getProperty("java.vendor") + ") at " + System.getProperty("java.home");
        return new MachineInfo(model, cpus, Runtime.getRuntime().availableProcessors(), kernel, clock, jdk,
            ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException | RuntimeException unreadable) {
            return List.of();
        }
    }

    private static String firstLine(Path file, String fallback) {
        List<String> lines = readLines(file);
        return lines.isEmpty() ? fallback : lines.getFirst().trim();
    }
}

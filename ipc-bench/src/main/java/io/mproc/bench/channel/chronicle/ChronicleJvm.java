package io.mproc.bench.channel.chronicle;

import io.mproc.bench.channel.ChannelUnavailableException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What Chronicle Queue needs from the JVM it runs in, and the switches that keep it quiet.
 * Touches no Chronicle class: {@link #requireUsable()} runs before the first one loads.
 *
 * <p>The module flags are the JDK 17+ list of Chronicle's own build ({@code jvm.requiredArgs}),
 * less the two for {@code jdk.compiler}, which only its runtime code generation (method writers,
 * unused here) needs. Checked on JDK 25 with Chronicle Queue 2026.4: without
 * {@code --add-opens java.base/java.lang.reflect} the first mapping of a queue file throws an
 * {@link AssertionError}; without {@code --add-exports java.base/sun.nio.ch} the queue opens
 * read-only and appending fails; without {@code --add-exports java.base/jdk.internal.ref} it
 * logs a warning at start-up and falls back to a slower buffer cleaner. The rest is Chronicle's
 * list, kept so that code paths not exercised here work too.
 * {@code --sun-misc-unsafe-memory-access=allow} silences JDK 24+'s warning about
 * {@code sun.misc.Unsafe} (used by Chronicle and its native-call library). The bench JVM gets
 * these from {@code bench.chronicle.jvm.flags} in ipc-bench's pom, every peer JVM from
 * {@code PeerProcess}; keep the two in step.
 */
public final class ChronicleJvm {

    /** Module flags: {@code --add-opens} / {@code --add-exports} of {@code module/package} to the class path. */
    static final List<String> MODULE_FLAGS = List.of(
        "--add-opens=java.base/java.lang=ALL-UNNAMED",
        "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
        "--add-opens=java.base/java.io=ALL-UNNAMED",
        "--add-opens=java.base/java.util=ALL-UNNAMED",
        "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED",
        "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED",
        "--add-exports=java.base/jdk.internal.util=ALL-UNNAMED",
        "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
        "--add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED");

    /** Every JVM flag Chronicle Queue needs on JDK 25; see the class comment. */
    public static final List<String> JVM_OPTIONS =
        Stream.concat(MODULE_FLAGS.stream(), Stream.of("--sun-misc-unsafe-memory-access=allow")).toList();

    /**
     * System properties set before Chronicle loads, so that it starts silently and alone: no
     * banner ({@code Announcer}), no usage analytics (the {@code chronicle-analytics} artifact is
     * excluded in the root pom, and this mutes the facade even if it came back), no background
     * thread polling disk space, and no SLF4J warning that no logger is bound (SLF4J has no
     * provider here, so Chronicle's log lines are dropped; its failures still arrive as
     * exceptions).
     */
    static final Map<String, String> QUIET_PROPERTIES = Map.of(
        "chronicle.announcer.disable", "true",
        "chronicle.analytics.disable", "true",
        "chronicle.disk.monitor.disable", "true",
        "slf4j.internal.verbosity", "ERROR");

    private ChronicleJvm() {
    }

    /**
     * Null if Chronicle Queue can run in this JVM, else what is missing and the flags to start it
     * with. Reads the module graph, so it loads no Chronicle class.
     */
    public static String unavailableReason() {
        List<String> missing = new ArrayList<>();
        Module classPath = ChronicleJvm.class.getModule();
        for (String flag : MODULE_FLAGS) {
            String[] parts = flag.substring(flag.indexOf('=') + 1).split("[/=]");
            Optional<Module> module = ModuleLayer.boot().findModule(parts[0]);
            boolean granted = module.isPresent() && (flag.startsWith("--add-opens")
                ? module.get().isOpen(parts[1], classPath) : module.get().isExported(parts[1], classPath));
            if (!granted) {
                missing.add(flag);
            }
        }
        return missing.isEmpty() ? null
            : "Chronicle Queue cannot run in this JVM: it lacks " + String.join(" ", missing)
            + " (start it with " + String.join(" ", JVM_OPTIONS) + ")";
    }

    /**
     * Throws {@link ChannelUnavailableException} with {@link #unavailableReason()} if Chronicle
     * cannot run here; else sets the {@link #QUIET_PROPERTIES} not set already. Call before
     * touching any Chronicle class.
     */
    static void requireUsable() throws ChannelUnavailableException {
        String reason = unavailableReason();
        if (reason != null) {
            throw new ChannelUnavailableException(reason);
        }
        QUIET_PROPERTIES.forEach((key, value) -> {
            if (System.getProperty(key) == null) {
                System.setProperty(key, value);
            }
        });
    }
}

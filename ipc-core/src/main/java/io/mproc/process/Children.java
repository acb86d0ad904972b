package io.mproc.process;

import io.mproc.memory.ProcessIdentity;
import io.mproc.memory.RegionDirectory;
import io.mproc.memory.RegionNamespace;
import io.mproc.process.internal.ProcessContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * This JVM's side of the process tree: the namespace its children's control regions live in,
 * the processes it started and has not reaped yet, its standby pools, and what happens to all
 * of them when it exits.
 *
 * <p>At exit (a shutdown hook, installed with the first child), as Python's
 * {@code multiprocessing} does: daemon children are terminated (SIGTERM), then every child is
 * joined, then standby JVMs are retired and the namespace removed. A JVM that exits because
 * its own parent died (an {@link ProcessContext#orphaned() orphan}) kills its children instead
 * of joining them: it has half a second to leave.
 */
final class Children {
    private Children() {
    }

    /** Process trees' namespaces are {@code process-<pid>-<start time>} ({@link RegionNamespace#ownedName}). */
    private static final String NAMESPACE_PREFIX = "process";

    private static final Set<JvmProcess<?>> UNREAPED = ConcurrentHashMap.newKeySet();
    private static final Set<StandbyJvms> POOLS = ConcurrentHashMap.newKeySet();
    private static final AtomicInteger NAME_COUNTER = new AtomicInteger();
    private static final AtomicLong ID_COUNTER = new AtomicLong();
    private static RegionNamespace namespace;
    private static boolean hookInstalled;

    /** The next number for a child's name: {@code Process-<identity>:<n>}. */
    static int nextChildNumber() {
        return NAME_COUNTER.incrementAndGet();
    }

    /** A fresh id for a child's regions in {@link #namespace()}. */
    static String nextId(String prefix) {
        return prefix + ID_COUNTER.incrementAndGet();
    }

    /**
     * This JVM's process namespace, opened on first use. The first opening also removes what
     * crashed process trees left under the same root (namespaces whose JVM is gone).
     */
    static synchronized RegionNamespace namespace() {
        if (namespace == null) {
            ProcessIdentity self = ProcessIdentity.current();
            Path root = RegionDirectory.defaultRoot();
            removeDeadTrees(root);
            namespace = RegionNamespace.open(root, RegionNamespace.ownedName(NAMESPACE_PREFIX, self));
            installHook();
        }
        return namespace;
    }

    static void started(JvmProcess<?> process) {
        UNREAPED.add(process);
    }

    static void reaped(JvmProcess<?> process) {
        UNREAPED.remove(process);
    }

    /** Started and not yet reaped, in no particular order. */
    static List<JvmProcess<?>> unreaped() {
        return List.copyOf(UNREAPED);
    }

    static void poolStarted(StandbyJvms pool) {
        POOLS.add(pool);
        namespace();
    }

    /** The standby pools of this JVM that are open. */
    static List<StandbyJvms> pools() {
        return List.copyOf(POOLS);
    }

    static void poolClosed(StandbyJvms pool) {
        POOLS.remove(pool);
    }

    private static synchronized void installHook() {
        if (!hookInstalled) {
            hookInstalled = true;
            Runtime.getRuntime().addShutdownHook(new Thread(Children::atExit, "mproc-children-at-exit"));
        }
    }

    private static void atExit() {
        if (ProcessContext.orphaned()) {
            unreaped().forEach(child -> quietly(child::kill));
            POOLS.forEach(StandbyJvms::killAll);
            return;
        }
        for (JvmProcess<?> child : unreaped()) {
            if (child.daemon()) {
                quietly(child::terminate);
            }
        }
        unreaped().forEach(Children::joinAtExit);
        List.copyOf(POOLS).forEach(StandbyJvms::close);
        RegionNamespace closing;
        synchronized (Children.class) {
            closing = namespace;
        }
        if (closing != null) {
            closing.removeLeftovers();
            closing.close();
        }
    }

    /** Runs {@code action} on a child that may have been closed meanwhile (nothing to do then). */
    private static void quietly(Runnable action) {
        try {
            action.run();
        } catch (IllegalStateException closed) {
            // closed by its owner: it is not ours to end any more
        }
    }

    /** Joins a child at exit; a daemon gets {@link #DAEMON_GRACE} after its SIGTERM, then SIGKILL. */
    private static void joinAtExit(JvmProcess<?> child) {
        try {
            if (child.daemon() && !child.join(DAEMON_GRACE)) {
                child.kill();
            }
            child.join();
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
        } catch (IllegalStateException closed) {
            // closed by its owner meanwhile
        }
    }

    /** Removes the leftovers of process trees whose JVM died (SIGKILL) under {@code root}. */
    static void removeDeadTrees(Path root) {
        RegionNamespace.removeDeadOwners(root, NAMESPACE_PREFIX);
    }

    /** How long the exit hook gives a terminated daemon before it kills it. */
    static final Duration DAEMON_GRACE = Duration.ofSeconds(2);
}

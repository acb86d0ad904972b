package io.mproc.process;

import io.mproc.memory.Region;
import io.mproc.memory.RegionNamespace;
import java.lang.ProcessBuilder.Redirect;
import java.time.Duration;

/**
 * A parent JVM for {@link ProcessTreeTest}, started with {@code ChildJvm}. Arguments: a mode, the
 * namespace and the name of a {@link Targets#flags} region the test created.
 * <ul>
 *   <li>{@code orphans}: starts a child (which starts a grandchild) and a daemon child, waits
 *       until all run, prints {@code PIDS <child> <grandchild> <daemon>} and waits to be killed.</li>
 *   <li>{@code exit}: starts a daemon child that sleeps and a child that sets flag 3 after
 *       300 ms, waits until both run, prints {@code PIDS <child> <daemon>} and returns from main.</li>
 * </ul>
 */
public final class ProcessTreeMain {
    private ProcessTreeMain() {
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    public static void main(String[] args) throws Exception {
        RegionNamespace namespace = RegionNamespace.open(args[1]);
        Region flags = namespace.attach(args[2], Targets.FLAGS);
        LaunchSettings quiet = LaunchSettings.defaults().withStdout(Redirect.DISCARD);
        if (args[0].equals("orphans")) {
            JvmProcess<Void> child = JvmProcess.run(ProcessTreeMain::startGrandchildAndSleep, flags).settings(quiet).start();
            JvmProcess<Void> daemon = JvmProcess.run((Region f) -> {
                Targets.set(f, 2, 1);
                Thread.sleep(Long.MAX_VALUE);
            }, flags).daemon(true).settings(quiet).start();
            Targets.await(flags, 0, TIMEOUT);
            long grandchild = Targets.await(flags, 1, TIMEOUT);
            Targets.await(flags, 2, TIMEOUT);
            System.out.println("PIDS " + child.pid().orElseThrow() + " " + grandchild + " " + daemon.pid().orElseThrow());
            Thread.sleep(Long.MAX_VALUE);
        } else {
            JvmProcess<Void> daemon = JvmProcess.run((Region f) -> {
                Targets.set(f, 0, 1);
                Thread.sleep(Long.MAX_VALUE);
            }, flags).daemon(true).settings(quiet).start();
            JvmProcess<Void> child = JvmProcess.run((Region f) -> {
                Targets.set(f, 1, 1);
                Thread.sleep(300);
                Targets.set(f, 3, 1);
            }, flags).settings(quiet).start();
            Targets.await(flags, 0, TIMEOUT);
            Targets.await(flags, 1, TIMEOUT);
            System.out.println("PIDS " + child.pid().orElseThrow() + " " + daemon.pid().orElseThrow());
        }
    }

    /** Child: starts a grandchild that sleeps, reports its pid in flag 1, then sleeps too. */
    static void startGrandchildAndSleep(Region flags) throws InterruptedException {
        JvmProcess<Void> grandchild = JvmProcess.run(Targets::markAndSleep, flags)
            .stdout(Redirect.DISCARD).start();
        Targets.await(flags, 0, TIMEOUT);
        Targets.set(flags, 1, grandchild.pid().orElseThrow());
        Thread.sleep(Long.MAX_VALUE);
    }
}

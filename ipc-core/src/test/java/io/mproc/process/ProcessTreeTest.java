package io.mproc.process;

import static org.junit.jupiter.api.Assertions.*;

import io.mproc.memory.ProcessIdentity;
import io.mproc.memory.Region;
import io.mproc.memory.RegionDirectory;
import io.mproc.testing.ChildJvm;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Children of children, daemons, and what happens to children when their parent exits or dies. */
class ProcessTreeTest extends ProcessTestBase {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    @RegisterExtension
    static final StandbyPool STANDBYS = StandbyPool.of(2);

    @Test
    void aChildStartsItsOwnChildWhichKnowsItsNameAndParent() throws Exception {
        try (JvmProcess<String> child = JvmProcess.call(ProcessTreeTest::startGrandchild).standby(STANDBYS.pool()).start()) {
            String[] seen = child.result().split("\\|");
            assertEquals(child.name(), seen[0], "the child's current() name");
            assertEquals(String.valueOf(ProcessHandle.current().pid()), seen[1], "the child's parent pid");
            assertEquals("MainProcess", seen[2], "the child's parent name");
            assertEquals(child.name() + ":1", seen[3], "the grandchild's name");
            assertEquals(child.name(), seen[4], "the grandchild's parent name");
            assertEquals("[]", seen[5], "the child's active children after the join");
        }
    }

    static String startGrandchild() throws Exception {
        ProcessInfo parent = JvmProcess.parent().orElseThrow();
        try (JvmProcess<String> grandchild = JvmProcess.call(
            () -> JvmProcess.current().name() + "|" + JvmProcess.parent().orElseThrow().name()).start()) {
            return JvmProcess.current().name() + "|" + parent.pid() + "|" + parent.name() + "|" + grandchild.result()
                + "|" + JvmProcess.activeChildren();
        }
    }

    @Test
    void aDaemonMayNotStartChildren() throws Exception {
        try (JvmProcess<String> daemon = JvmProcess.call(ProcessTreeTest::tryToStartAChild).daemon(true)
            .standby(STANDBYS.pool()).start()) {
            assertEquals("daemonic processes are not allowed to have children", daemon.result());
        }
    }

    static String tryToStartAChild() {
        try {
            JvmProcess.run(() -> { }).start();
            return "started";
        } catch (IllegalStateException refused) {
            return refused.getMessage().replaceAll("^process .*?: | \\(.*$", "");
        }
    }

    @Test
    void whenTheParentIsKilledEveryDescendantIsGoneWithinOneSecond() throws Exception {
        Region flags = Targets.flags(namespace, "orphans");
        try (ChildJvm parent = ChildJvm.start(ProcessTreeMain.class, "orphans", namespace.name(), "orphans")) {
            long[] descendants = Arrays.stream(parent.awaitLine("PIDS", TIMEOUT).split(" ")).skip(1)
                .mapToLong(Long::parseLong).toArray();
            assertEquals(3, descendants.length);
            assertTrue(Arrays.stream(descendants).allMatch(ProcessTreeTest::alive));
            parent.kill();
            long killed = System.nanoTime();
            long[] gone = new long[descendants.length];
            while (Arrays.stream(descendants).anyMatch(ProcessTreeTest::alive)
                && System.nanoTime() - killed < 5_000_000_000L) {
                for (int i = 0; i < descendants.length; i++) {
                    if (gone[i] == 0 && !alive(descendants[i])) {
                        gone[i] = (System.nanoTime() - killed) / 1_000_000;
                    }
                }
                Thread.sleep(5);
            }
            System.out.println("child, grandchild, daemon gone after " + Arrays.toString(gone) + " ms");
            long took = (System.nanoTime() - killed) / 1_000_000;
            System.out.println("descendants of a SIGKILLed parent gone after " + took + " ms");
            List<Long> survivors = Arrays.stream(descendants).filter(ProcessTreeTest::alive).boxed().toList();
            survivors.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
            assertEquals(List.of(), survivors, "orphans still running");
            assertTrue(took <= 1000, "descendants took " + took + " ms to go (expected: within 1 s)");
            assertTrue(flags.isOpen());
        } finally {
            // The killed parent and child could not remove their process namespaces.
            Children.removeDeadTrees(RegionDirectory.defaultRoot());
        }
    }

    @Test
    void aParentThatExitsTerminatesItsDaemonsAndJoinsItsOtherChildren() throws Exception {
        Region flags = Targets.flags(namespace, "exiting");
        try (ChildJvm parent = ChildJvm.start(ProcessTreeMain.class, "exit", namespace.name(), "exiting")) {
            long[] children = Arrays.stream(parent.awaitLine("PIDS", TIMEOUT).split(" ")).skip(1)
                .mapToLong(Long::parseLong).toArray();
            parent.awaitSuccess(TIMEOUT);
            assertEquals(1, Targets.get(flags, 3), "the non-daemon child finished before its parent exited");
            assertFalse(alive(children[0]));
            assertFalse(alive(children[1]), "the daemon child was terminated");
        }
    }

    /**
     * Whether {@code pid} still runs. An exited process whose parent died stays a zombie until
     * the system's init reaps it (which can take over a second in a container), and
     * {@link ProcessHandle#isAlive()} counts zombies as alive; {@link ProcessIdentity} does not.
     */
    private static boolean alive(long pid) {
        return ProcessIdentity.of((int) pid).isPresent();
    }
}

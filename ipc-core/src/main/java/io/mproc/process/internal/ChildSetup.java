package io.mproc.process.internal;

import io.mproc.memory.ProcessIdentity;
import io.mproc.memory.RegionNamespace;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What a child needs around its target but not before it starts: the parent's process
 * namespace, the child's control block (its identity recorded, state RUNNING), and the
 * {@link Lifeline}. Mapping regions is the slow part of a JVM's first milliseconds (the first
 * memory-segment accesses spin method handles), so a cold child does all this on a thread of
 * its own while its main thread reads the spec from the pipe and starts the target; whoever
 * needs the namespace or the control block (the outcome, the exit record) waits for it here.
 * A standby JVM did it all before it waited, and gets a setup that is already done.
 */
final class ChildSetup {
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile RegionNamespace namespace;
    private volatile ControlBlock control;
    private volatile RuntimeException failure;

    private ChildSetup() {
    }

    /** A setup that is already done. */
    static ChildSetup done(RegionNamespace namespace, ControlBlock control) {
        ChildSetup setup = new ChildSetup();
        setup.namespace = namespace;
        setup.control = control;
        setup.done.countDown();
        return setup;
    }

    /**
     * Starts setting up a cold child in the background: opens the namespace {@code namespaceName}
     * under {@code root}, attaches the control block of process {@code id}, records this
     * process in it, sets the state to RUNNING and, if {@code watchParent}, starts the lifeline
     * for {@code parent}.
     */
    static ChildSetup start(Path root, String namespaceName, String id, ProcessIdentity parent, boolean watchParent) {
        ChildSetup setup = new ChildSetup();
        Thread thread = new Thread(new Work(setup, root, namespaceName, id, parent, watchParent), "mproc-child-setup");
        thread.setDaemon(true);
        thread.start();
        return setup;
    }

    /**
     * The namespace, once set up.
     *
     * @throws IllegalStateException when the setup failed
     */
    RegionNamespace namespace() {
        await();
        return namespace;
    }

    /**
     * The control block, once set up.
     *
     * @throws IllegalStateException when the setup failed
     */
    ControlBlock control() {
        await();
        return control;
    }

    /** The control block when it is set up within {@code millis}, else null (the JVM is exiting). */
    ControlBlock controlWithin(long millis) {
        try {
            if (!done.await(millis, TimeUnit.MILLISECONDS)) {
                return null;
            }
        } catch (InterruptedException exiting) {
            Thread.currentThread().interrupt();
            return null;
        }
        return failure == null ? control : null;
    }

    private void await() {
        boolean interrupted = false;
        while (true) {
            try {
                done.await();
                break;
            } catch (InterruptedException later) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            throw new IllegalStateException("cannot set up the child process: " + failure, failure);
        }
    }

    /** The background work; a class of its own, not a lambda, so that nothing is spun for it. */
    private record Work(ChildSetup setup, Path root, String namespaceName, String id, ProcessIdentity parent,
                        boolean watchParent) implements Runnable {
        @Override
        public void run() {
            try {
                if (watchParent) {
                    Lifeline.watch(parent);
                }
                RegionNamespace opened = RegionNamespace.open(root, namespaceName);
                ControlBlock attached = ControlBlock.attach(opened, id);
                attached.recordChild(ProcessIdentity.current());
                attached.setState(ControlLayout.STATE_RUNNING);
                setup.namespace = opened;
                setup.control = attached;
            } catch (RuntimeException | Error failed) {
                setup.failure = failed instanceof RuntimeException runtime ? runtime : new IllegalStateException(failed);
            } finally {
                setup.done.countDown();
            }
        }
    }
}

package io.mproc.process.internal;

import io.mproc.memory.ProcessIdentity;
import io.mproc.memory.Region;
import io.mproc.memory.RegionNamespace;
import io.mproc.process.FailureReport;
import io.mproc.process.ProcessSerialization;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.NotSerializableException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The main class of every child JVM mproc starts. Arguments: the region root, the parent's
 * process namespace, the process's id there, and {@value #STANDBY} for a standby JVM.
 *
 * <p>A cold child, in order: reads the parent's {@link SpecPipe message} from standard input
 * (the parent's identity, and the spec unless it was too large for the pipe); takes
 * {@link System#in} from the program; starts its {@link ChildSetup} on another thread
 * (lifeline, namespace, control block {@code <id>.ctl}); installs the shutdown hook that
 * records how the JVM ends ({@link ExitRecorder}); reads the spec, applies its system
 * properties and runs the target, without waiting for the setup. A standby JVM does the
 * setup first, on its main thread, then maps its spec region, loads the classes its parent
 * named there ({@link StandbyPreload}), rehearses the path below and sleeps until its parent
 * publishes a spec there.
 *
 * <p>When the target:
 * <ul>
 *   <li>returns: the value is written into {@code <id>.out} (compact or Java-serialised, see
 *       {@link Outcome}; created here, read and unlinked by the parent), the exit code 0
 *       recorded, and {@code main} returns: like any {@code main}, the JVM then exits with 0
 *       once its non-daemon threads have ended;</li>
 *   <li>throws: {@code Process <name>:} and the stack trace go to standard error (as in
 *       Python), a {@link FailureReport} into {@code <id>.out}, and the JVM exits with 1;</li>
 *   <li>returns a value that cannot be serialised: handled as if the target had thrown that
 *       {@link NotSerializableException}.</li>
 * </ul>
 * A setup that fails (the parent's namespace is gone) makes the JVM exit with 1 once the
 * target has ended, its outcome unreported.
 */
public final class ChildMain {
    private ChildMain() {
    }

    /**
     * The flags every JVM mproc starts gets, children and the startup caches' trainings alike
     * (an AOT cache is refused by a JVM whose module options differ from the training's):
     * native access for the futex and {@code kill}, and the export Agrona needs when the
     * application uses it.
     */
    public static final List<String> JVM_FLAGS = List.of("--enable-native-access=ALL-UNNAMED",
        "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED");

    /** The last argument of a standby JVM. */
    public static final String STANDBY = "standby";

    /** Exit status of a process whose target threw, or whose spec could not be read. */
    static final int FAILED = 1;

    public static void main(String[] args) throws InterruptedException {
        Path root = Path.of(args[0]);
        String namespaceName = args[1];
        String id = args[2];
        if (args.length > 3 && STANDBY.equals(args[3])) {
            RegionNamespace namespace = RegionNamespace.open(root, namespaceName);
            ControlBlock control = ControlBlock.attach(namespace, id);
            ProcessIdentity parent = control.parent();
            Lifeline.takeStandardInput();
            Lifeline.watch(parent);
            ChildSetup setup = ChildSetup.done(namespace, control);
            ExitRecorder.install(setup);
            serve(setup, id, parent);
        } else {
            cold(root, namespaceName, id, new FileInputStream(FileDescriptor.in), true);
        }
    }

    /**
     * A cold child: reads the message from {@code pipe}, sets up in the background and runs the
     * target. {@code realChild} is false in the startup cache's training run, which walks this
     * path without a lifeline or an exit hook.
     */
    static void cold(Path root, String namespaceName, String id, InputStream pipe, boolean realChild) {
        SpecPipe.Message message;
        try {
            message = SpecPipe.read(pipe);
        } catch (EOFException parentGone) {
            System.err.println("Process <" + id + "> exits: its parent's pipe closed before the spec came");
            System.exit(Lifeline.ORPHAN_EXIT);
            return;
        } catch (IOException unreadable) {
            throw new IllegalStateException("process " + id + ": cannot read the spec message: " + unreadable,
                unreadable);
        }
        ChildSetup setup;
        if (realChild) {
            Lifeline.takeStandardInput();
            setup = ChildSetup.start(root, namespaceName, id, message.parent(), true);
            ExitRecorder.install(setup);
        } else {
            setup = ChildSetup.start(root, namespaceName, id, message.parent(), false);
        }
        byte[] spec = message.spec();
        if (spec == null) {
            try {
                Region region = setup.namespace().attach(LaunchSpec.regionName(id), LaunchSpec.KIND);
                // Stays mapped: unmapping a shared mapping costs milliseconds, and the parent unlinks it.
                spec = SpecLayout.read(region.body());
            } catch (RuntimeException unreadable) {
                fail(setup, id, "<" + id + ">", new IllegalStateException(
                    "cannot read the launch spec of process " + id + ": " + unreadable, unreadable));
                return;
            }
        }
        run(setup, id, message.parent(), spec);
    }

    /**
     * A standby, set up: maps its spec region, rehearses, waits for the spec (or retirement)
     * and {@link #run}s it. The startup cache's training run calls this too, so that the cache
     * holds this very path.
     */
    static void serve(ChildSetup setup, String id, ProcessIdentity parent) throws InterruptedException {
        RegionNamespace namespace = setup.namespace();
        ControlBlock control = setup.control();
        control.recordChild(ProcessIdentity.current());
        // Mapped now, so that the hand-over finds it mapped; it stays mapped (see cold()).
        Region premade = namespace.attach(LaunchSpec.regionName(id), LaunchSpec.KIND);
        try {
            StandbyPreload.load(SpecLayout.read(premade.body()));
        } catch (RuntimeException torn) {
            // a hand-over wrote the region meanwhile: nothing to preload
        }
        Rehearsal.run(premade.body());
        control.setState(ControlLayout.STATE_STANDBY);
        int word = control.awaitSpec();
        if (word == ControlLayout.SPEC_RETIRE) {
            control.recordExit(0);
            return;
        }
        byte[] spec;
        try {
            Region region = premade;
            if (word == ControlLayout.SPEC_PUBLISHED_LARGE) {
                namespace.release(premade);
                region = namespace.attach(LaunchSpec.largeRegionName(id), LaunchSpec.KIND);
            }
            spec = SpecLayout.read(region.body());
        } catch (RuntimeException unreadable) {
            fail(setup, id, "<" + id + ">", new IllegalStateException(
                "cannot read the launch spec of process " + id + ": " + unreadable, unreadable));
            return;
        }
        control.setState(ControlLayout.STATE_RUNNING);
        run(setup, id, parent, spec);
    }

    /** The spec in {@code bytes}: compact ({@link SpecCodec}) or Java-serialised. */
    static LaunchSpec decode(byte[] bytes) throws IOException, ClassNotFoundException {
        return SpecCodec.isCompact(bytes) ? SpecCodec.decode(bytes) : (LaunchSpec) ProcessSerialization.read(bytes);
    }

    /**
     * Decodes the spec, runs the target, writes the outcome; exits the JVM if the target threw.
     */
    static void run(ChildSetup setup, String id, ProcessIdentity parent, byte[] encodedSpec) {
        LaunchSpec spec;
        try {
            spec = decode(encodedSpec);
        } catch (IOException | ClassNotFoundException | RuntimeException unreadable) {
            fail(setup, id, "<" + id + ">", new IllegalStateException(
                "cannot read the launch spec of process " + id + ": " + unreadable, unreadable));
            return;
        }
        for (Map.Entry<String, String> property : spec.systemProperties().entrySet()) {
            System.setProperty(property.getKey(), property.getValue());
        }
        ProcessContext.becomeChild(spec, parent);
        Object value;
        try {
            value = spec.target().invoke();
        } catch (Throwable failure) {
            fail(setup, id, spec.name(), failure);
            return;
        }
        byte[] outcome;
        try {
            outcome = Outcome.ofValue(value);
        } catch (IOException | RuntimeException notSerializable) {
            NotSerializableException failure = new NotSerializableException("the result of process " + spec.name()
                + " (" + value.getClass().getName() + ") cannot be serialised: " + notSerializable);
            failure.initCause(notSerializable);
            fail(setup, id, spec.name(), failure);
            return;
        }
        ControlBlock control;
        try {
            control = setup.control();
        } catch (IllegalStateException noSetup) {
            System.err.println("Process " + spec.name() + ": " + noSetup.getMessage());
            System.exit(FAILED);
            return;
        }
        writeOutcome(setup.namespace(), id, control, outcome);
        control.recordExit(0);
        control.setState(ControlLayout.STATE_FINISHED);
    }

    /** Reports {@code failure} as Python does and to the parent, then exits with 1. */
    private static void fail(ChildSetup setup, String id, String name, Throwable failure) {
        System.err.println("Process " + name + ":");
        failure.printStackTrace();
        System.err.flush();
        try {
            ControlBlock control = setup.control();
            try {
                writeOutcome(setup.namespace(), id, control, failureOutcome(id, failure));
            } finally {
                control.recordExit(FAILED);
                control.setState(ControlLayout.STATE_FINISHED);
            }
        } catch (RuntimeException cannotReport) {
            System.err.println("Process " + name + ": cannot report the failure to the parent: " + cannotReport);
        }
        System.exit(FAILED);
    }

    private static byte[] failureOutcome(String id, Throwable failure) {
        try {
            return ProcessSerialization.write(new Outcome(null, FailureReport.of(failure)));
        } catch (IOException impossible) {
            // An Outcome holds byte arrays, strings and stack frames only.
            throw new IllegalStateException("cannot serialise the outcome of process " + id, impossible);
        }
    }

    /** Writes the outcome region {@code <id>.out} holding {@code bytes} and says so in the control block. */
    private static void writeOutcome(RegionNamespace namespace, String id, ControlBlock control, byte[] bytes) {
        Region region = namespace.create(Outcome.regionName(id), Outcome.KIND, bytes.length,
            body -> MemorySegment.copy(bytes, 0, body, ValueLayout.JAVA_BYTE, 0, bytes.length));
        // The parent reads and unlinks it after this JVM is gone.
        namespace.disown(region);
        control.publishOutcome(bytes.length);
    }
}

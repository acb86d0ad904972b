package io.mproc.process.internal;

import io.mproc.memory.ProcessIdentity;
import io.mproc.memory.Region;
import io.mproc.memory.RegionNamespace;
import java.io.IOException;
import java.io.NotSerializableException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.Map;

/**
 * The main class of every child JVM mproc starts. Arguments: the region root, the parent's
 * process namespace, the process's id there, and {@value #STANDBY} for a standby JVM.
 *
 * <p>What it does, in order: attaches the control region {@code <id>.ctl}; starts the
 * {@link Lifeline}; records its pid and start time; installs the shutdown hook that records
 * how the JVM ends ({@link ExitRecorder}); a standby then maps its spec region, rehearses the
 * path below and sleeps until its parent publishes a spec there. Then it reads its spec
 * ({@code <id>.spec}, see {@link SpecLayout}; compact or Java-serialised, see {@link SpecCodec}),
 * applies the spec's system properties, sets the
 * state to RUNNING and runs the target:
 * <ul>
 *   <li>it returns: the value is serialised into {@code <id>.out} (created here, read and
 *       unlinked by the parent), the exit code 0 recorded, and {@code main} returns: like any
 *       {@code main}, the JVM then exits with 0 once its non-daemon threads have ended;</li>
 *   <li>it throws: {@code Process <name>:} and the stack trace go to standard error (as in
 *       Python), a {@link FailureReport} into {@code <id>.out}, and the JVM exits with 1;</li>
 *   <li>its value cannot be serialised: handled as if the target had thrown that
 *       {@link NotSerializableException}.</li>
 * </ul>
 */
public final class ChildMain {
    private ChildMain() {
    }

    /** The last argument of a standby JVM. */
    public static final String STANDBY = "standby";

    /** Exit status of a process whose target threw, or whose spec could not be read. */
    static final int FAILED = 1;

    public static void main(String[] args) throws InterruptedException {
        // Java deserialisation's first use looks up a System.Logger, which scans every jar on
        // the class path for a LoggerFinder: do that on another core while this one maps regions.
        Thread.ofPlatform().daemon().name("mproc-serial-init").start(SerialCodec::filter);
        RegionNamespace namespace = RegionNamespace.open(Path.of(args[0]), args[1]);
        String id = args[2];
        ControlBlock control = ControlBlock.attach(namespace, id);
        ProcessIdentity parent = control.parent();
        Lifeline.watch(parent);
        ExitRecorder.install(control);
        serve(namespace, id, control, parent, args.length > 3 && STANDBY.equals(args[3]));
    }

    /**
     * The child's work once it watches its parent: for a standby, map the spec region, rehearse
     * and wait for the spec; then {@link #run}. The startup cache's training run calls this too,
     * so that the cache holds this very path.
     */
    static void serve(RegionNamespace namespace, String id, ControlBlock control, ProcessIdentity parent,
                      boolean standby) throws InterruptedException {
        control.recordChild(ProcessIdentity.current());
        Region premade = null;
        String specName = LaunchSpec.regionName(id);
        if (standby) {
            // Mapped now, so that the hand-over finds it mapped.
            premade = namespace.attach(specName, LaunchSpec.KIND);
            Rehearsal.run(premade.body());
            control.setState(ControlLayout.STATE_STANDBY);
            int word = control.awaitSpec();
            if (word == ControlLayout.SPEC_RETIRE) {
                control.recordExit(0);
                return;
            }
            if (word == ControlLayout.SPEC_PUBLISHED_LARGE) {
                namespace.release(premade);
                premade = null;
                specName = LaunchSpec.largeRegionName(id);
            }
        }
        run(namespace, id, control, parent, premade, specName);
    }

    /** The spec in {@code bytes}: compact ({@link SpecCodec}) or Java-serialised. */
    static LaunchSpec decode(byte[] bytes) throws IOException, ClassNotFoundException {
        return SpecCodec.isCompact(bytes) ? SpecCodec.decode(bytes) : (LaunchSpec) SerialCodec.read(bytes);
    }

    /**
     * Reads the spec ({@code premade} if mapped already, else by attaching {@code specName}),
     * runs the target, writes the outcome; exits the JVM if the target threw. The spec region
     * stays mapped: unmapping a shared mapping costs milliseconds, and the parent unlinks it.
     */
    static void run(RegionNamespace namespace, String id, ControlBlock control, ProcessIdentity parent,
                    Region premade, String specName) {
        LaunchSpec spec;
        try {
            Region specRegion = premade != null ? premade : namespace.attach(specName, LaunchSpec.KIND);
            spec = decode(SpecLayout.read(specRegion.body()));
        } catch (IOException | ClassNotFoundException | RuntimeException unreadable) {
            fail(namespace, id, control, "<" + id + ">", new IllegalStateException(
                "cannot read the launch spec of process " + id + ": " + unreadable, unreadable));
            return;
        }
        for (Map.Entry<String, String> property : spec.systemProperties().entrySet()) {
            System.setProperty(property.getKey(), property.getValue());
        }
        ProcessContext.becomeChild(spec, parent);
        control.setState(ControlLayout.STATE_RUNNING);
        Object value;
        try {
            value = spec.target().invoke();
        } catch (Throwable failure) {
            fail(namespace, id, control, spec.name(), failure);
            return;
        }
        byte[] bytes;
        try {
            bytes = SerialCodec.write(value);
        } catch (IOException | RuntimeException notSerializable) {
            NotSerializableException failure = new NotSerializableException("the result of process " + spec.name()
                + " (" + value.getClass().getName() + ") cannot be serialised: " + notSerializable);
            failure.initCause(notSerializable);
            fail(namespace, id, control, spec.name(), failure);
            return;
        }
        writeOutcome(namespace, id, control, new Outcome(bytes, null));
        control.recordExit(0);
        control.setState(ControlLayout.STATE_FINISHED);
    }

    /** Reports {@code failure} as Python does and to the parent, then exits with 1. */
    private static void fail(RegionNamespace namespace, String id, ControlBlock control, String name,
                             Throwable failure) {
        System.err.println("Process " + name + ":");
        failure.printStackTrace();
        System.err.flush();
        try {
            writeOutcome(namespace, id, control, new Outcome(null, FailureReport.of(failure)));
        } catch (RuntimeException cannotReport) {
            System.err.println("Process " + name + ": cannot report the failure to the parent: " + cannotReport);
        }
        control.recordExit(FAILED);
        control.setState(ControlLayout.STATE_FINISHED);
        System.exit(FAILED);
    }

    private static void writeOutcome(RegionNamespace namespace, String id, ControlBlock control, Outcome outcome) {
        byte[] bytes;
        try {
            bytes = SerialCodec.write(outcome);
        } catch (IOException impossible) {
            // An Outcome holds byte arrays, strings and stack frames only.
            throw new IllegalStateException("cannot serialise the outcome of process " + id, impossible);
        }
        Region region = namespace.create(Outcome.regionName(id), Outcome.KIND, bytes.length,
            body -> MemorySegment.copy(bytes, 0, body, ValueLayout.JAVA_BYTE, 0, bytes.length));
        // The parent reads and unlinks it after this JVM is gone.
        namespace.disown(region);
        control.publishOutcome(bytes.length);
    }
}

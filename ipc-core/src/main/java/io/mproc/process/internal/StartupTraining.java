package io.mproc.process.internal;

import io.mproc.memory.ProcessIdentity;
import io.mproc.memory.Region;
import io.mproc.memory.RegionNamespace;
import io.mproc.process.SerializableCallable;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandleInfo;
import java.lang.invoke.SerializedLambda;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The training runs behind mproc's startup caches: a JVM started with
 * {@code -XX:AOTCacheOutput=...} runs this main, which walks one kind of child's path once, so
 * that the classes, linkage and profiles of that path go into that cache. A JVM loads every
 * class of its AOT cache when it starts, used or not, so each cache holds one path and nothing
 * else:
 * <ul>
 *   <li>{@value #COLD}: a cold child, from the message on standard input to the outcome written,
 *       with a compact spec of a lambda target (made by hand, as its {@link SerializedLambda}:
 *       making a lambda here would put the JDK's class spinning into the cache, which a child
 *       never does), plus the classes of the lifeline and exit hook, which the training cannot
 *       run;</li>
 *   <li>{@value #STANDBY}: a standby, from rehearsal through the futex to the hand-over.</li>
 * </ul>
 * Arguments: the region root to use (a private directory that is removed after) and the kind.
 */
public final class StartupTraining {
    private StartupTraining() {
    }

    /** The kind of training for cold children. */
    public static final String COLD = "cold";
    /** The kind of training for standby JVMs. */
    public static final String STANDBY = "standby";

    /** Classes every real cold child loads on paths the training does not walk. */
    private static final List<String> UNWALKED = List.of("io.mproc.process.internal.ExitRecorder",
        "io.mproc.process.internal.Lifeline", "io.mproc.process.internal.Lifeline$PipeWatch",
        "io.mproc.process.internal.Lifeline$PidPoll");

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        try (RegionNamespace namespace = RegionNamespace.open(root, "training")) {
            if (STANDBY.equals(args[1])) {
                standby(namespace, "t1", spec());
            } else {
                for (String unwalked : UNWALKED) {
                    Class.forName(unwalked, false, StartupTraining.class.getClassLoader());
                }
                cold(namespace, root, "t1", spec());
            }
        }
    }

    /** A compact spec whose target is {@link #now()}, as a method reference of this class would be. */
    private static byte[] spec() {
        SerializedLambda target = new SerializedLambda(StartupTraining.class,
            SerializableCallable.class.getName().replace('.', '/'), "call", "()Ljava/lang/Object;",
            MethodHandleInfo.REF_invokeStatic, StartupTraining.class.getName().replace('.', '/'), "now",
            "()Ljava/lang/Long;", "()Ljava/lang/Long;", new Object[0]);
        return SpecCodec.encode(LaunchSpec.of("Training", new int[] {1}, false, ProcessContext.MAIN_NAME,
            ProcessTarget.function(ProcessTarget.Kind.CALLABLE, target), Map.of()));
    }

    /** The training target. */
    static Long now() {
        return System.nanoTime();
    }

    /**
     * Never called: makes the compiler give this class a {@code $deserializeLambda$}, which
     * {@link LambdaCall} requires of a lambda's capturing class.
     */
    static SerializableCallable<Long> asLambda() {
        return StartupTraining::now;
    }

    /** A cold child's path, in this JVM, without its lifeline and exit hook. */
    private static void cold(RegionNamespace namespace, Path root, String id, byte[] spec) throws IOException {
        ControlBlock control = ControlBlock.create(namespace, id);
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        SpecPipe.write(message, ProcessIdentity.current(), spec);
        ChildMain.cold(root, namespace.name(), id, new ByteArrayInputStream(message.toByteArray()), false);
        removeOutcome(namespace, id, control);
    }

    private static void standby(RegionNamespace namespace, String id, byte[] spec) throws InterruptedException {
        ControlBlock control = ControlBlock.create(namespace, id);
        Region specRegion = namespace.create(LaunchSpec.regionName(id), LaunchSpec.KIND,
            SpecLayout.STANDBY_CAPACITY, null);
        ChildSetup setup = ChildSetup.done(namespace, ControlBlock.attach(namespace, id));
        Thread standby = new Thread(new Standby(setup, id, control.parent()), "training-standby");
        standby.start();
        while (control.state() != ControlLayout.STATE_STANDBY) {
            Thread.onSpinWait();
        }
        SpecLayout.write(specRegion.body(), spec);
        control.publishSpecWord(ControlLayout.SPEC_PUBLISHED);
        standby.join();
        removeOutcome(namespace, id, control);
        namespace.release(specRegion);
    }

    /** The standby's main thread. */
    private record Standby(ChildSetup setup, String id, ProcessIdentity parent) implements Runnable {
        @Override
        public void run() {
            try {
                ChildMain.serve(setup, id, parent);
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Checks that the child wrote an outcome and removes it, without deserialising it: that is
     * the parent's work, not a child's.
     */
    private static void removeOutcome(RegionNamespace namespace, String id, ControlBlock control) {
        if (control.outcomeLength() < 0 || !control.exitRecord().exitRecorded()) {
            throw new IllegalStateException("training child " + id + " recorded no outcome");
        }
        Region out = namespace.attach(Outcome.regionName(id), Outcome.KIND);
        out.body().toArray(ValueLayout.JAVA_BYTE);
        namespace.release(out);
        out.unlink();
        namespace.release(control.region());
    }
}

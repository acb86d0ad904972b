package io.mproc.process.internal;

import io.mproc.memory.ProcessIdentity;
import io.mproc.memory.Region;
import io.mproc.memory.RegionNamespace;
import io.mproc.process.SerializableCallable;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.foreign.ValueLayout;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The training run behind mproc's startup cache: a JVM started with
 * {@code -XX:AOTCacheOutput=...} runs this main, which walks a child's whole path once, so that
 * the classes, linkage and profiles of that path go into the cache:
 * <ul>
 *   <li>loads every class of mproc's jar (so that none of them is read from the jar and
 *       verified in a child, whichever paths it takes);</li>
 *   <li>two cold children's paths, from the message on standard input to the outcome written
 *       and read back: one with a compact spec, one with a Java-serialised spec;</li>
 *   <li>a standby's path: rehearsal, waiting on and signalling the futex, the hand-over.</li>
 * </ul>
 * Argument: the region root to use, a private directory that is removed after.
 */
public final class StartupTraining {
    private StartupTraining() {
    }

    public static void main(String[] args) throws Throwable {
        loadMprocClasses();
        Path root = Path.of(args[0]);
        try (RegionNamespace namespace = RegionNamespace.open(root, "training")) {
            SerializableCallable<Long> target = System::nanoTime;
            LaunchSpec spec = LaunchSpec.of("Training", new int[] {1}, false, ProcessContext.MAIN_NAME,
                ProcessTarget.function(ProcessTarget.Kind.CALLABLE, target), Map.of());
            cold(namespace, root, "t1", SpecCodec.encode(spec));
            cold(namespace, root, "t2", SerialCodec.write(spec));
            standby(namespace, "t3", SpecCodec.encode(spec));
        }
    }

    /** A cold child's path, in this JVM, without its lifeline and exit hook. */
    private static void cold(RegionNamespace namespace, Path root, String id, byte[] spec) throws Exception {
        ControlBlock control = ControlBlock.create(namespace, id);
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        SpecPipe.write(message, ProcessIdentity.current(), spec);
        ChildMain.cold(root, namespace.name(), id, new ByteArrayInputStream(message.toByteArray()), false);
        readOutcome(namespace, id, control);
    }

    private static void standby(RegionNamespace namespace, String id, byte[] spec) throws Exception {
        ControlBlock control = ControlBlock.create(namespace, id);
        Region specRegion = namespace.create(LaunchSpec.regionName(id), LaunchSpec.KIND,
            SpecLayout.STANDBY_CAPACITY, null);
        ChildSetup setup = ChildSetup.done(namespace, ControlBlock.attach(namespace, id));
        Thread standby = Thread.ofPlatform().name("training-standby").start(() -> {
            try {
                ChildMain.serve(setup, id, control.parent());
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
            }
        });
        while (control.state() != ControlLayout.STATE_STANDBY) {
            Thread.onSpinWait();
        }
        SpecLayout.write(specRegion.body(), spec);
        control.publishSpecWord(ControlLayout.SPEC_PUBLISHED);
        standby.join();
        readOutcome(namespace, id, control);
        namespace.release(specRegion);
    }

    /** The parent's side: the exit record and the outcome, read as {@code Launcher} reads them. */
    private static void readOutcome(RegionNamespace namespace, String id, ControlBlock control)
        throws IOException, ClassNotFoundException {
        Region out = namespace.attach(Outcome.regionName(id), Outcome.KIND);
        Outcome outcome = (Outcome) SerialCodec.read(out.body().toArray(ValueLayout.JAVA_BYTE));
        SerialCodec.read(outcome.value());
        control.exitRecord();
        namespace.release(out);
        out.unlink();
        namespace.release(control.region());
    }

    /** Loads (without initialising) every class of mproc's jar; one that does not link is skipped. */
    private static void loadMprocClasses() throws IOException, URISyntaxException {
        Path jar = Path.of(StartupTraining.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (!Files.isRegularFile(jar)) {
            return;
        }
        ClassLoader loader = StartupTraining.class.getClassLoader();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (Enumeration<JarEntry> entries = file.entries(); entries.hasMoreElements(); ) {
                String name = entries.nextElement().getName();
                if (name.startsWith("io/mproc/") && name.endsWith(".class") && !name.endsWith("module-info.class")) {
                    load(loader, name.substring(0, name.length() - ".class".length()).replace('/', '.'));
                }
            }
        }
    }

    private static void load(ClassLoader loader, String className) {
        try {
            Class.forName(className, false, loader);
        } catch (ClassNotFoundException | LinkageError unusable) {
            // a class that needs what the training's class path lacks: children load it themselves
        }
    }
}

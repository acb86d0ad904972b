package io.mproc.bench.channel.agrona;

import org.agrona.concurrent.UnsafeBuffer;

import java.util.List;

/** What Agrona needs from the JVM it runs in. Initialises no Agrona class before {@link #unavailableReason()}. */
public final class AgronaJvm {

    /**
     * What Agrona 2.x needs on JDK 25: its {@code org.agrona.UnsafeApi} calls
     * {@code jdk.internal.misc.Unsafe}, which java.base does not export to unnamed modules
     * (without it: {@code IllegalAccessError} when the first buffer class initialises). It no
     * longer uses {@code sun.misc.Unsafe}, so JDK 24+'s {@code --sun-misc-unsafe-memory-access}
     * is not needed, and wrapping a raw address needs no {@code --add-opens} of java.nio. The
     * bench JVM gets it from the pom (exec and Surefire), every peer JVM from PeerProcess.
     */
    public static final List<String> JVM_OPTIONS = List.of("--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED");

    private AgronaJvm() {
    }

    /** Null if Agrona works in this JVM, else why not (typically the missing {@link #JVM_OPTIONS}). */
    public static String unavailableReason() {
        try {
            new UnsafeBuffer(new byte[Long.BYTES]).putLongVolatile(0, 1);
            return null;
        } catch (LinkageError | RuntimeException failed) {
            return "Agrona unusable in this JVM (" + failed + "); start it with " + String.join(" ", JVM_OPTIONS);
        }
    }
}

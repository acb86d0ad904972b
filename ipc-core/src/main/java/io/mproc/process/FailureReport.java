package io.mproc.process;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Serial;
import java.io.Serializable;
import java.io.StringWriter;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * An exception as it travels from one JVM to another, as a child's uncaught exception travels
 * to its parent (and a pool task's to the pool): per level of the cause chain, the class name,
 * message, stack frames and printed trace, which always arrive, and the exception itself
 * serialised, which arrives when it can be written in the sending JVM and read in the
 * receiving one. {@link #of} makes one where the exception was thrown; write it with
 * {@link ProcessSerialization}; {@link #recreate()} gives the exception where it was read.
 * (A plain class, not a record: deserialising a record builds method handles for its
 * constructor, which costs a JVM that has just started milliseconds.)
 */
public final class FailureReport implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The exception's class. */
    private final String className;
    /** Its message, or null. */
    private final String message;
    /** Its stack frames in the child. */
    private final StackTraceElement[] frames;
    /** Its {@code printStackTrace} text in the child (causes included). */
    private final String printed;
    /** The exception serialised, or null when it could not be. */
    private final byte[] serialized;
    /** The report of its cause, or null. */
    private final FailureReport cause;

    private FailureReport(String className, String message, StackTraceElement[] frames, String printed,
                          byte[] serialized, FailureReport cause) {
        this.className = className;
        this.message = message;
        this.frames = frames;
        this.printed = printed;
        this.serialized = serialized;
        this.cause = cause;
    }

    /** Cause chains longer than this are cut (a cycle made with initCause would never end). */
    private static final int MAX_DEPTH = 32;

    /** The report of {@code failure} and its causes. */
    public static FailureReport of(Throwable failure) {
        return of(failure, Collections.newSetFromMap(new IdentityHashMap<>()), 0);
    }

    private static FailureReport of(Throwable failure, Set<Throwable> seen, int depth) {
        if (failure == null || depth >= MAX_DEPTH || !seen.add(failure)) {
            return null;
        }
        byte[] serialized;
        try {
            serialized = ProcessSerialization.write(failure);
        } catch (IOException | RuntimeException notSerializable) {
            serialized = null;
        }
        StringWriter printed = new StringWriter();
        failure.printStackTrace(new PrintWriter(printed));
        return new FailureReport(failure.getClass().getName(), failure.getMessage(), failure.getStackTrace(),
            printed.toString(), serialized, of(failure.getCause(), seen, depth + 1));
    }

    /**
     * The exception as the parent sees it: the original type when it deserialises (behind the
     * codec's filter), else a {@link RemoteException} with the remote class name, message,
     * frames and trace text, whose cause is the cause re-created the same way.
     */
    public Throwable recreate() {
        if (serialized != null) {
            try {
                if (ProcessSerialization.read(serialized) instanceof Throwable original) {
                    return original;
                }
            } catch (IOException | ClassNotFoundException | RuntimeException | LinkageError unreadable) {
                // fall through to the description, which always arrives
            }
        }
        return new RemoteException(className, message, printed, frames, cause == null ? null : cause.recreate());
    }
}

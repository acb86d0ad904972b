package io.mproc.process;

import java.io.Serial;

/**
 * An exception thrown in a child JVM that could not be re-created as its own type in the
 * parent (it, or something it refers to, is not serialisable, or its class cannot be read
 * here): it carries the remote class name, message, stack frames and printed stack trace, and
 * its cause is the remote cause, re-created the same way. Python's {@code Pool} attaches a
 * {@code RemoteTraceback} in the same spirit; here the exception stands in for the original.
 *
 * <p>{@link #getStackTrace()} returns the <em>remote</em> frames, so a printed
 * {@code RemoteException} reads like the child's own trace.
 */
public final class RemoteException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String remoteClassName;
    private final String remoteMessage;
    private final String remoteStackTrace;

    /**
     * @param remoteClassName  the class of the exception in the child
     * @param remoteMessage    its message, or null
     * @param remoteStackTrace its {@code printStackTrace} text in the child
     * @param remoteFrames     its stack frames in the child
     * @param cause            its cause as re-created here, or null
     */
    public RemoteException(String remoteClassName, String remoteMessage, String remoteStackTrace,
                           StackTraceElement[] remoteFrames, Throwable cause) {
        super(remoteMessage == null ? remoteClassName : remoteClassName + ": " + remoteMessage, cause);
        this.remoteClassName = remoteClassName;
        this.remoteMessage = remoteMessage;
        this.remoteStackTrace = remoteStackTrace;
        setStackTrace(remoteFrames == null ? new StackTraceElement[0] : remoteFrames.clone());
    }

    /** The fully qualified class name of the exception in the child. */
    public String remoteClassName() {
        return remoteClassName;
    }

    /** The exception's message in the child, or null. */
    public String remoteMessage() {
        return remoteMessage;
    }

    /** The child's {@code printStackTrace} text of the exception, causes included. */
    public String remoteStackTrace() {
        return remoteStackTrace;
    }
}

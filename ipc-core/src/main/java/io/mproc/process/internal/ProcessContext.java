package io.mproc.process.internal;

import io.mproc.memory.ProcessIdentity;

/**
 * Who this JVM is in the tree of processes: set once by {@link ChildMain} in a child, left at
 * its defaults ({@code MainProcess}, no parent) in a JVM the user started.
 */
public final class ProcessContext {
    private ProcessContext() {
    }

    /** Python's name for the process the user started. */
    public static final String MAIN_NAME = "MainProcess";

    private static volatile String name = MAIN_NAME;
    private static volatile int[] identity = new int[0];
    private static volatile boolean daemon;
    private static volatile String parentName;
    private static volatile ProcessIdentity parent;
    private static volatile boolean orphaned;

    /** Called by the child before its target runs. */
    static void becomeChild(LaunchSpec spec, ProcessIdentity parentIdentity) {
        name = spec.name();
        identity = spec.identity();
        daemon = spec.daemon();
        parentName = spec.parentName();
        parent = parentIdentity;
    }

    public static String name() {
        return name;
    }

    /** This process's position in the tree: empty in the main process, {@code [1, 2]} in Process-1:2. */
    public static int[] identity() {
        return identity.clone();
    }

    public static boolean daemon() {
        return daemon;
    }

    /** The parent's name, or null in the main process. */
    public static String parentName() {
        return parentName;
    }

    /** The parent's identity, or null in the main process. */
    public static ProcessIdentity parent() {
        return parent;
    }

    /** Whether this JVM found its parent dead and is on its way out. */
    public static boolean orphaned() {
        return orphaned;
    }

    static void markOrphaned() {
        orphaned = true;
    }
}

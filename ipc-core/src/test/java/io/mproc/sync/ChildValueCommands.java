package io.mproc.sync;

import java.util.function.Function;

/** The commands of {@link SyncChild} for the other sync objects and shared values. */
final class ChildValueCommands {
    private ChildValueCommands() {
    }

    static String run(Function<String, Object> variables, String[] w) throws Exception {
        throw new IllegalArgumentException("command=" + w[1]);
    }
}

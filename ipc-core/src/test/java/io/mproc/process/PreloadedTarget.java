package io.mproc.process;

/** A target whose class nothing else in a child loads: standby JVMs load it only if told to. */
final class PreloadedTarget {
    private PreloadedTarget() {
    }

    static SerializableCallable<String> target() {
        return () -> "preloaded";
    }
}

package io.mproc.process;

/** Prepares the startup cache (in the directory that {@code -Dmproc.process.startupCache} names) and prints it. */
public final class StartupCacheMain {
    private StartupCacheMain() {
    }

    public static void main(String[] args) {
        System.out.println("CACHE " + StartupCache.prepare().map(Object::toString).orElse("none"));
    }
}

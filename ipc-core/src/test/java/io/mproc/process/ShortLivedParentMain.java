package io.mproc.process;

import java.lang.ProcessBuilder.Redirect;

/**
 * A program that starts one cold child and ends at once, long before mproc's startup caches
 * could be trained (its cache directory comes from {@code -Dmproc.process.startupCache}).
 */
public final class ShortLivedParentMain {
    private ShortLivedParentMain() {
    }

    public static void main(String[] args) throws Exception {
        try (JvmProcess<Void> child = JvmProcess.run(() -> { }).stdout(Redirect.DISCARD).start()) {
            child.join();
        }
        System.out.println("DONE");
    }
}

package io.mproc.bench.machine;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds programs (cc, taskset) on the PATH, so the bench can say plainly when one is missing. */
public final class Executables {

    private Executables() {
    }

    /** The absolute path of {@code program} on the PATH, or null. */
    public static String find(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(":")) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }
}

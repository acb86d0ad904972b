package io.mproc.testing;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test that leaves child processes running (and kills them, so one leak does not
 * cascade). Cross-process tests use it through {@link CrossProcessTest}.
 */
public final class NoLeaksExtension implements BeforeEachCallback, AfterEachCallback {
    private static final ExtensionContext.Namespace STORE = ExtensionContext.Namespace.create(NoLeaksExtension.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(STORE).put("children", childPids());
    }

    @Override
    @SuppressWarnings("unchecked")
    public void afterEach(ExtensionContext context) throws Exception {
        Set<Long> before = (Set<Long>) context.getStore(STORE).get("children");
        // Children killed by the test may take a moment to be reaped.
        long deadline = System.nanoTime() + 2_000_000_000L;
        List<ProcessHandle> leaked;
        do {
            leaked = ProcessHandle.current().children()
                .filter(ProcessHandle::isAlive)
                .filter(child -> !before.contains(child.pid()))
                .toList();
            if (leaked.isEmpty()) {
                return;
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        leaked.forEach(child -> child.descendants().forEach(ProcessHandle::destroyForcibly));
        leaked.forEach(ProcessHandle::destroyForcibly);
        throw new AssertionError("test leaked child processes (now killed): "
            + leaked.stream().map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList());
    }

    private static Set<Long> childPids() {
        return ProcessHandle.current().children().map(ProcessHandle::pid).collect(Collectors.toSet());
    }
}

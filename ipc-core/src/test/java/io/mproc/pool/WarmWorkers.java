package io.mproc.pool;

import io.mproc.process.StandbyJvms;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Pre-started JVMs for the workers of one test class: a non-replenishing {@link StandbyJvms}
 * of as many JVMs as the class starts workers (a replenishing one would launch JVMs in the
 * background during tests, which count as leaked children), started before its first test,
 * closed after its last. Once they run out, workers start cold.
 */
final class WarmWorkers implements BeforeAllCallback, AfterAllCallback {
    private final int size;
    private StandbyJvms jvms;

    private WarmWorkers(int size) {
        this.size = size;
    }

    static WarmWorkers of(int size) {
        return new WarmWorkers(size);
    }

    StandbyJvms jvms() {
        return jvms;
    }

    /** A pool builder whose workers come from these JVMs. */
    ProcessPoolBuilder pool(int workers) {
        return ProcessPool.builder().workers(workers).standby(jvms);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        PoolTestBase.prepareStartupCache();
        jvms = StandbyJvms.builder().size(size).replenish(false).settings(PoolTestBase.quiet()).start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        jvms.close();
    }
}

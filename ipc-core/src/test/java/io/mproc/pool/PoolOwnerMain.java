package io.mproc.pool;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A JVM that owns a pool and is then killed: starts a pool of two workers with a namespace of
 * its own, runs a task, prints {@code WORKERS <pid> <pid>} and {@code NAMESPACE <directory>},
 * and waits to be killed.
 */
public final class PoolOwnerMain {
    private PoolOwnerMain() {
    }

    public static void main(String[] args) throws Exception {
        ProcessPool pool = ProcessPool.builder().workers(2).launchSettings(PoolTestBase.quiet()).start();
        int answer = pool.apply((Integer x) -> x * 2, 21);
        List<Long> pids = pool.workerPids();
        System.out.println("ANSWER " + answer);
        System.out.println("WORKERS " + pids.stream().map(String::valueOf).collect(Collectors.joining(" ")));
        System.out.println("NAMESPACE " + pool.regionDirectory());
        Thread.sleep(Long.MAX_VALUE);
    }
}

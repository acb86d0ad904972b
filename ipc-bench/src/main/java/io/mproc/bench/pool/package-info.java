/**
 * mproc's {@code ProcessPool} measured the way Python's {@code multiprocessing.Pool} is in the
 * same run: the {@code apply} round trip of a trivial task on a warm pool, {@code map} of
 * {@code x -> x * x} over a million numbers with two workers, and {@code applyAsync}
 * throughput. Uses the pool layer of ipc-core (its public API only, as a user would) and the
 * bench's {@code latency}, {@code machine} and {@code result} packages.
 */
package io.mproc.bench.pool;

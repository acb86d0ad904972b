/**
 * JMH benchmarks of mproc's in-process hot paths: ring claim/commit and offer/poll for the
 * SPSC, MPSC and MPMC rings ({@link io.mproc.bench.jmh.RingBenchmark}), codec encode and decode
 * ({@link io.mproc.bench.jmh.CodecBenchmark}); and the {@code jmh} suite that runs them from the
 * bench ({@link io.mproc.bench.jmh.JmhSuite}). One thread, no other process: the cross-JVM
 * suites measure the rest. Uses ipc-core's ring and codec layers and the bench's result package.
 */
package io.mproc.bench.jmh;

/**
 * The cross-JVM harness: it starts a peer JVM (same java, same class path, pinned with
 * taskset when the plan says so), runs the timing side of a channel on a pinned measuring
 * thread of the bench JVM, and turns what it measured into figures. Warm-up iterations run
 * through the same loop and are not recorded, so both JVMs have compiled the hot path before
 * the first timed repetition. Suites: ping-pong round trips, hand-offs, throughput, and
 * one-way latency at a fixed rate (coordinated-omission aware).
 */
package io.mproc.bench.harness;

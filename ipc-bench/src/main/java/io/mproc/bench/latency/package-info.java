/**
 * Latency statistics: an HdrHistogram recorder per repetition, its summary (median, p90, p99,
 * p99.9, max), and the aggregate over repetitions that shows how much a figure moved within
 * one run. Warm-up is the caller's: it simply does not record its first iterations.
 */
package io.mproc.bench.latency;

/**
 * mproc's benchmark: {@link io.mproc.bench.BenchMain} runs suites of cross-JVM measurements,
 * each judged as a ratio to floors measured in the same run (C cache-line and futex round
 * trips, JVM start), beside Python's multiprocessing and JMH figures of the in-process hot
 * paths, and writes {@code results.jsonl}, {@code report.md} and PNG plots.
 */
package io.mproc.bench;

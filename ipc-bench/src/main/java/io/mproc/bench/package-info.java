/**
 * mproc's benchmark: {@link io.mproc.bench.BenchMain} runs suites of cross-JVM measurements,
 * each judged as a ratio to floors measured in the same run (C cache-line and futex round
 * trips, JVM start), beside Python's multiprocessing and JMH figures of the in-process hot
 * paths, and writes {@code results.jsonl}, {@code report.md} and PNG plots. A ping-pong or
 * hand-off figure held to the cache-line floor is judged against that floor probed right after
 * it, since a VM's CPUs can be placed otherwise minutes after the floors suite; the start-of-run
 * floor is the fallback, and its ratio is shown beside.
 */
package io.mproc.bench;

/**
 * mproc's benchmark: {@link io.mproc.bench.BenchMain} runs suites of cross-JVM measurements,
 * each judged as a ratio to floors measured in the same run (C cache-line and futex round
 * trips, JVM start), and writes {@code results.jsonl} and {@code report.md}.
 */
package io.mproc.bench;

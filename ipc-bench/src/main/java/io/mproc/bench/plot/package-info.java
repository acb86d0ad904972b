/**
 * The report's plots, drawn with XChart into PNG files next to {@code report.md}: latency
 * percentile distributions from the {@link io.mproc.bench.result.PercentileCurve curves} kept
 * beside the figures, and bars of throughput, process start and the pool's figures, with
 * Python's beside mproc's where the run measured both. Uses only the {@code result} package.
 */
package io.mproc.bench.plot;

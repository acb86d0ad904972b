/**
 * What a benchmark run produces: {@link io.mproc.bench.result.Figure figures} written one JSON
 * object per line to {@code results.jsonl} (a format tools read, so it stays stable), the
 * floors and targets each figure is judged against (a floor with a fallback for one probed beside
 * the figure, which a run may lack), and the human {@code report.md}.
 */
package io.mproc.bench.result;

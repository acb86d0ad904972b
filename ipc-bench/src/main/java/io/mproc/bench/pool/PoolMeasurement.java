package io.mproc.bench.pool;

import io.mproc.bench.latency.RepeatedLatency;
import io.mproc.bench.latency.RepeatedValue;
import io.mproc.bench.result.ResultSink;
import io.mproc.bench.result.TargetCatalog;

/**
 * What one run of the pool suite measured, and the names its figures go out under: the ones
 * {@link TargetCatalog} judges and sets beside Python's {@code pool-*} figures, and the plots
 * draw. Keep them stable: {@code results.jsonl} readers use them.
 */
public record PoolMeasurement(RepeatedLatency apply, RepeatedValue map, RepeatedValue applyAsync) {

    /** {@code apply} of a trivial task, one at a time: {@code rtt_median}, {@code rtt_p90}, ... in ns. */
    public static final String APPLY = "apply";
    /** {@code map(x -> x * x, 1..1,000,000)} with two workers, default chunk size. */
    public static final String MAP = "map-square-" + PoolPlan.WORKERS + "-workers";
    /** {@code applyAsync} of many tasks, then every result. */
    public static final String APPLY_ASYNC = "apply-async";
    /** The unit of {@link TargetCatalog#TASK_RATE}. */
    public static final String TASK_RATE_UNIT = "tasks/s";

    /** Writes every figure to {@code sink} under the suite {@value TargetCatalog#POOL}. */
    public void write(ResultSink sink) {
        apply.writeRoundTrip(sink, TargetCatalog.POOL, APPLY);
        map.write(sink, TargetCatalog.POOL, MAP, TargetCatalog.TASK_RATE, TASK_RATE_UNIT);
        applyAsync.write(sink, TargetCatalog.POOL, APPLY_ASYNC, TargetCatalog.TASK_RATE, TASK_RATE_UNIT);
    }
}

/**
 * The five examples of the Python tutorial on {@code multiprocessing} that mproc is built from,
 * ported line for line, printing what the Python versions print: processes started and
 * joined ({@link io.mproc.examples.tutorial.FiveProcesses}), a queue
 * ({@link io.mproc.examples.tutorial.QueueMessage}), a pool's {@code map}
 * ({@link io.mproc.examples.tutorial.PoolSquares}), an event
 * ({@link io.mproc.examples.tutorial.EventSignal}) and a worker's exception
 * ({@link io.mproc.examples.tutorial.Exceptions}). Run them through
 * {@link io.mproc.examples.Examples} ({@code processes}, {@code queue}, {@code pool},
 * {@code event}, {@code exceptions}).
 */
package io.mproc.examples.tutorial;

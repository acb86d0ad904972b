/**
 * Raw channels on a file mapped by both JVMs, with nothing but VarHandle acquire/release and
 * {@link java.lang.Thread#onSpinWait()}: the JVM's own floor, against which mproc's rings show
 * what their protocol costs. They are deliberately minimal (single producer, single consumer,
 * no crash recovery) and must stay so.
 */
package io.mproc.bench.channel.mapped;

/**
 * The inside of the process layer: never use these classes directly. Public only because the
 * child JVM's main class ({@link io.mproc.process.internal.ChildMain}) and the startup cache's
 * training run ({@link io.mproc.process.internal.StartupTraining}) live here and the public
 * package builds on them.
 *
 * <p>The shared-memory structures: {@link io.mproc.process.internal.ControlLayout} (one per
 * process: states, pids, exit record, the standby's wait point) and
 * {@link io.mproc.process.internal.SpecLayout} (an encoded launch spec); and the one message a
 * cold child reads from its standard input, {@link io.mproc.process.internal.SpecPipe}. A spec
 * travels in its {@link io.mproc.process.internal.SpecCodec compact form} when its values are
 * simple, else Java-serialised; results and exceptions always Java-serialised. What is
 * Java-serialised is read only behind
 * {@link io.mproc.process.ProcessSerialization#filter() an ObjectInputFilter}.
 */
package io.mproc.process.internal;

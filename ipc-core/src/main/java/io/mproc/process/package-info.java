/**
 * The process layer: Python's {@code multiprocessing.Process} for the JVM. A
 * {@link io.mproc.process.JvmProcess} runs a serialisable target in a JVM of its own, started
 * cold (the parent's {@code java}, class path and module path, sped up by the
 * {@link io.mproc.process.StartupCache}) or handed to a pre-started
 * {@link io.mproc.process.StandbyJvms standby JVM}. The parent reads the child's exit code (as
 * Python reports it, {@code -N} for signal {@code N}), return value and exception; the child
 * knows its name, its parent and its children, handles signals
 * ({@link io.mproc.process.ProcessSignals}), and exits when its parent dies.
 *
 * <p>Uses the memory layer (regions for the spec, control block and outcome of each process;
 * {@link io.mproc.memory.ProcessIdentity} to recognise processes) and the wait layer (a
 * standby sleeps on a futex until it is handed a target); never the layers above (the pool
 * layer builds on this one). {@code io.mproc.process.internal} holds the child's side and the
 * shared-memory layouts: public only so that the child JVM can reach it, never to be used
 * directly, by the pool layer either. What a layer above needs to move values and exceptions
 * between JVMs as a process does is public here: {@link io.mproc.process.ProcessSerialization}
 * (Java serialisation behind mproc's filter) and {@link io.mproc.process.FailureReport} (an
 * exception that re-creates itself, or a {@link io.mproc.process.RemoteException}, where it
 * arrives).
 *
 * <h2>How a process runs</h2>
 * <pre>
 *   parent                                    child JVM (ChildMain)
 *   create &lt;id&gt;.ctl (control block)
 *   encode the spec: target, arguments,
 *     name, daemon (compact when it can be,
 *     else Java-serialised)
 *   launch java ... ChildMain &lt;root&gt; &lt;ns&gt; &lt;id&gt;  (standby: launched earlier, sleeping
 *                                               on the futex of &lt;id&gt;.ctl; the parent
 *                                               writes the spec into &lt;id&gt;.spec and
 *                                               wakes it)
 *   write its identity and the spec into     read that message from stdin
 *     the child's stdin (a spec too large     in the background: watch the rest of
 *     for that: into &lt;id&gt;.spec)               stdin (lifeline), map &lt;id&gt;.ctl
 *                                             decode the spec, run the target
 *                                             write &lt;id&gt;.out: value or failure
 *                                             record its exit in &lt;id&gt;.ctl, exit
 *   reap: exit value + control block
 *     = Python exit code; read &lt;id&gt;.out;
 *     unlink the regions
 * </pre>
 * The regions live in a namespace per parent JVM, {@code process-<pid>-<start time>} under
 * the region root; the parent removes them when it reaps a child and at exit, and the next
 * JVM to start a process removes what a killed parent left.
 *
 * <h2>Start-up</h2>
 * A cold start costs a JVM start and little more: the child maps the {@link
 * io.mproc.process.StartupCache startup cache} made for cold children; its parent writes the
 * spec into the child's standard input, in a compact form (no Java serialisation) when the
 * target's captured values and arguments are simple; the child runs the target as soon as it
 * has read it, calling a lambda through its implementation method, while another thread maps
 * the regions and starts the lifeline. A warm start costs a futex wake and a decode: a standby
 * JVM has rehearsed (and JIT-compiled) the hand-over, and preloaded the classes of the targets
 * its pool was handed lately. What still costs: a target whose captured values or arguments
 * are not simple travels Java-serialised (the child's first deserialisation scans the class
 * path for a logging backend: tens of milliseconds); and a cold child spins method-handle
 * classes to pass primitive captured values or arguments (milliseconds), which standby JVMs
 * have done for the common shapes.
 *
 * <h2>What differs from Python, and why</h2>
 * <ul>
 *   <li>{@code join(Duration)} returns whether the process ended (Java's
 *       {@code Process.waitFor(timeout)}); Python's returns nothing.</li>
 *   <li>SIGINT ends a child with {@code -2}: the JVM runs its shutdown hooks rather than raise
 *       an exception ({@code KeyboardInterrupt}, exit code 1, in Python).</li>
 *   <li>A target that returns ends its JVM like a {@code main} that returns: once its
 *       non-daemon threads have ended.</li>
 *   <li>Return values and exceptions come back to the parent (Python's {@code Process} drops
 *       them); the child's standard input is empty, as Python's {@code /dev/null}, because
 *       the real one is the lifeline.</li>
 *   <li>A child JVM gets its parent's class path and module path, root modules and
 *       module-graph options ({@code --add-opens}, ...), so that it loads the classes its
 *       parent loads, as Python's spawn gives a child the parent's {@code sys.path} and
 *       interpreter flags; the JVM's other options (heap, system properties but mproc's) are
 *       the process's own ({@link io.mproc.process.LaunchSettings}).</li>
 * </ul>
 */
package io.mproc.process;

/**
 * The wait layer: how a thread of one process waits until a thread of another process makes
 * something true in shared memory, without burning a core while it waits and without ever
 * missing the change. It uses only {@link io.mproc.memory} and the JDK (FFM for the futex).
 *
 * <h2>Pieces</h2>
 * <ul>
 *   <li>{@link io.mproc.wait.WaitPoint}: 8 bytes inside a region ({@link io.mproc.wait.WaitPointLayout}):
 *       a sequence word that sleepers pass to the futex, and a count of registered sleepers.
 *       The structure that owns the region (a ring, a lock, ...) places one wherever a side may
 *       have to wait, and signals it after every change that could end a wait.</li>
 *   <li>{@link io.mproc.wait.WaitStrategy}: how to wait. {@code busySpin} spins;
 *       {@code spinThenBlock} (the default) spins a few microseconds, yields, then sleeps on the
 *       futex; {@code backoff} parks for growing intervals and needs no futex.</li>
 *   <li>{@link io.mproc.wait.Futex}: the Linux {@code futex(2)} system call through the FFM
 *       linker, with the shared (not {@code _PRIVATE}) operations so that the kernel matches
 *       sleepers and wakers by the mapped file, across processes.</li>
 * </ul>
 *
 * <h2>The sleep/wake protocol, and why no wake-up is lost</h2>
 * <pre>
 *   waiter                                   signaller
 *   waiters += 1         (RMW: full fence)   publish change   (release store)
 *   loop:                                    full fence
 *     s = sequence       (acquire)           if waiters != 0: (acquire load)
 *     if condition: done                       sequence += 1  (RMW)
 *     futex_wait(sequence, s, slice)           futex_wake(sequence)
 *   waiters -= 1         (RMW, always)
 * </pre>
 * Both sides make a store and then load what the other side stores, with a store-load fence
 * in between (the waiter's get-and-add, the signaller's full fence). So it cannot happen that
 * both miss: either the signaller sees {@code waiters != 0}, or the waiter's condition check
 * sees the change. If the signaller sees the waiter, it advances the sequence before waking:
 * a waiter that read the sequence before the advance has its {@code futex_wait} fail at once
 * (the kernel compares the word and queues the sleeper atomically, against the wake), or is
 * queued before the wake and woken by it; a waiter that reads the advanced sequence (acquire)
 * also sees the change published before it. When no-one sleeps, a signal costs a fence and a
 * load, no system call.
 *
 * <p>A sleeper wakes at least every 20 ms (a "slice") and looks again: a Java thread inside
 * the futex system call does not notice {@link java.lang.Thread#interrupt()}, so this is what
 * makes waits interruptible. The slices cost next to no CPU, and correctness does not depend
 * on them: the protocol above wakes sleepers without them.
 *
 * <p>A virtual thread that sleeps on the futex keeps its carrier thread blocked in the system
 * call (the JDK cannot unmount it from native code); {@code backoff} parks and unmounts.
 *
 * <h2>Processes that die</h2>
 * A process SIGKILLed while asleep cannot deregister: the waiter count stays one too high for
 * good. The only effect is that every later signal advances the sequence and makes a wake
 * system call, even when nobody really sleeps: slower, never a hang and never a lost wake-up.
 * The kernel drops the dead sleeper's futex queue entry itself.
 *
 * <h2>Native access</h2>
 * The futex is reached through {@link java.lang.foreign.Linker}, a restricted API: run with
 * {@code --enable-native-access=ALL-UNNAMED} (or the module's name). Without it the JDK prints
 * a warning the first time the futex is used; under {@code --illegal-native-access=deny}
 * {@link io.mproc.wait.Futex#isAvailable()} is false and
 * {@link io.mproc.wait.WaitStrategy#defaultStrategy()} falls back to {@code backoff}. Child
 * JVMs that mproc starts get the flag automatically. Off Linux (or on an architecture other
 * than x86_64 and aarch64) the futex is likewise unavailable and the same fallback applies.
 *
 * <h2>Conditions and memory ordering</h2>
 * A {@link io.mproc.wait.WaitCondition} reads shared memory with acquire loads, and the side
 * that makes it true publishes with a release store before it signals; that pair, not the
 * wait point, carries the data. Strategies are immutable and may be shared by any number of
 * threads; a wait point may be waited on by any number of threads and processes at once.
 */
package io.mproc.wait;

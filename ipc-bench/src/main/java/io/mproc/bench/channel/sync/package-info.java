/**
 * Hand-offs through mproc's synchronisation objects ({@link io.mproc.sync.SharedEvent},
 * {@link io.mproc.sync.SharedLock}, {@link io.mproc.sync.SharedSemaphore}) as ping-pong
 * channels: a round trip passes the turn to the peer JVM and back through the primitive, with
 * nothing else in the way, once with both sides busy-spinning ({@code <primitive>-spin}) and
 * once with mproc's default waiting ({@code <primitive>-blocking}, which the {@code handoff}
 * suite measures with the waiter asleep). They use only mproc's public API, untimed and
 * interruptible calls as an application would make them; a {@code PeerWatchdog} thread stops
 * a side whose peer is gone.
 */
package io.mproc.bench.channel.sync;

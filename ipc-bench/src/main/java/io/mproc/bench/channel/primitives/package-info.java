/**
 * mproc's primitives as bench channels: round trips through a pair of
 * {@link io.mproc.queue.SharedQueue}s (by {@code put}/{@code poll} of a {@code Long}, or on the
 * zero-copy claim/commit and in-place read path) and through a duplex
 * {@link io.mproc.pipe.Pipe}. They use only mproc's public API, the way an application would;
 * the queue's ping-pong targets are judged on them.
 */
package io.mproc.bench.channel.primitives;

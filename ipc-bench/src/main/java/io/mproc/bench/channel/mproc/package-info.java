/**
 * mproc's own rings ({@link io.mproc.ring.SpscRing}, {@link io.mproc.ring.MpscRing}) as bench
 * channels: ping-pong through a pair of rings with busy-spin or spin-then-block waiting, and
 * one-way streams by copy ({@code offer}) or in place ({@code tryClaim}/{@code commit}). They use
 * only mproc's public API, the way an application would.
 */
package io.mproc.bench.channel.mproc;

/**
 * The anonymous pipes of a child process's standard streams as bench channels: the bench JVM
 * writes to the peer's stdin and reads its stdout (the peer then says READY and DONE on stderr).
 * The channels implement {@link io.mproc.bench.channel.StdioPingPongChannel} and
 * {@link io.mproc.bench.channel.StdioStreamChannel}, so the harness starts the peer before
 * opening the bench side on its pipes. Readers busy-spin on {@code available()}; they are
 * slower than the rings by an order of magnitude and declare a {@code relativeCost}.
 */
package io.mproc.bench.channel.stdio;

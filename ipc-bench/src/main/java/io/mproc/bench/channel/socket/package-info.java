/**
 * Stream sockets as bench channels, the way most IPC between processes is done: a Unix-domain
 * socket ({@link java.nio.channels.SocketChannel} on a
 * {@link java.net.UnixDomainSocketAddress} in the run's directory) and TCP on the loopback
 * interface with {@code TCP_NODELAY}. The bench side listens, the peer connects; both sides
 * busy-spin on non-blocking reads and writes, one system call per message, so the figures are
 * the kernel's path without a scheduler wake-up. They are slower than the rings by an order of
 * magnitude, so they declare a {@code relativeCost} and are measured with fewer iterations.
 */
package io.mproc.bench.channel.socket;

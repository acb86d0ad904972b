/**
 * Pipes between processes: {@link io.mproc.pipe.Pipe} and its two
 * {@link io.mproc.pipe.Connection} ends, Python's {@code multiprocessing.Pipe}. Part of the
 * primitives layer: it uses the memory, wait and ring layers and the codec package, never the
 * process or pool layers.
 *
 * <p>Each direction is an {@link io.mproc.ring.SpscRing}: a message is one record (a long one,
 * a run of records that the receiver assembles), so a round trip costs what the ring's does
 * plus the codec. The end of file is a flag in the pipe's state region, set by the holder's
 * close, or the death of the holding process (pid and start time), looked at only when a
 * receive finds nothing to read. {@code Connection} is the public face of an end; its records
 * are assembled by {@code FrameReader}, and its blocked calls wait on the peer through
 * {@code PeerWaiter}, in slices between which the peer's liveness is looked at again.
 */
package io.mproc.pipe;

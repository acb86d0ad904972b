/**
 * The SPI through which channels plug into the cross-JVM harness. A channel is a named kind of
 * transport (a raw mapped long, an mproc ring, an Agrona ring, a socket...) with two sides:
 * for round trips a {@link io.mproc.bench.channel.Pinger} in the bench JVM and a
 * {@link io.mproc.bench.channel.Ponger} in the peer JVM; for one-way throughput a
 * {@link io.mproc.bench.channel.StreamProducer} in the peer and a
 * {@link io.mproc.bench.channel.StreamConsumer} in the bench JVM. The bench side opens first
 * and creates the shared resources; the peer opens them by the same
 * {@link io.mproc.bench.channel.ChannelSpec}. New channels are registered in
 * {@link io.mproc.bench.channel.ChannelCatalog}.
 */
package io.mproc.bench.channel;

/**
 * Raw Agrona ring buffers ({@code OneToOneRingBuffer}, {@code ManyToOneRingBuffer}) on files
 * mapped from /dev/shm: the peer that mproc's rings are measured against in the same run.
 * Agrona 2.x needs {@link io.mproc.bench.channel.agrona.AgronaJvm#JVM_OPTIONS} on JDK 25.
 */
package io.mproc.bench.channel.agrona;

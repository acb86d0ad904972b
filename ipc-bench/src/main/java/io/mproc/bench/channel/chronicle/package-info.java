/**
 * Chronicle Queue as a bench channel: a persisted journal of memory-mapped files, appender in one
 * JVM and tailer in the other, over queue directories in the run's directory (/dev/shm), both
 * sides busy-spinning. Chronicle needs {@link io.mproc.bench.channel.chronicle.ChronicleJvm#JVM_OPTIONS}
 * on JDK 25 and is started silent (no banner, no analytics, no disk monitor thread); a JVM
 * without the flags gets the channel skipped with a note that names them, not a crash.
 */
package io.mproc.bench.channel.chronicle;

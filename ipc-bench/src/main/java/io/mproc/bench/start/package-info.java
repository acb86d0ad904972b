/**
 * How fast mproc starts a child JVM: from {@code start()} to the first statement of the
 * target, cold (a JVM launched for the process, with mproc's startup cache) and warm (the
 * target handed to a pre-started standby JVM), next to a {@code java Hello} timed the same way
 * in the same rounds.
 */
package io.mproc.bench.start;

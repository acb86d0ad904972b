/**
 * The machine the bench runs on: its CPUs, the programs it offers, and where the two sides of
 * a benchmark run. Spinning peers must sit on different cores: on a 2-core machine two
 * spinners sharing one take milliseconds per hop. The peer JVM is started under
 * {@code taskset}; the bench pins only its measuring thread (sched_setaffinity through the FFM
 * API), so its JIT and GC threads stay free to run wherever there is room.
 */
package io.mproc.bench.machine;

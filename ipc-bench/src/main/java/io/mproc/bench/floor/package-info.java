/**
 * The floors that mproc's figures are divided by, measured in the same run because absolute
 * times on shared VMs drift: the C cache-line and futex round trips between two processes
 * ({@code src/main/c/floor.c}, compiled at bench time) and the start time of a trivial JVM.
 */
package io.mproc.bench.floor;

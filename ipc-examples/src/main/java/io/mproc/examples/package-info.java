/** Runnable programs, one per mproc capability; {@link io.mproc.examples.Demo} is the main demo. */
package io.mproc.examples;

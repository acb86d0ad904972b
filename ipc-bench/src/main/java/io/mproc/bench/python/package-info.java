/**
 * Python's {@code multiprocessing} measured beside mproc in the same run: the project's own
 * script {@code mp_bench.py} (in {@code src/main/python}, shipped in the jar) run with
 * {@code python3}, its output lines parsed into the {@code python} suite's figures. Uses the
 * {@code latency}, {@code machine} and {@code result} packages.
 */
package io.mproc.bench.python;

/**
 * Runnable programs: the Python tutorial's five examples ({@link io.mproc.examples.tutorial}),
 * one example per mproc capability, and {@link io.mproc.examples.Demo}, the main demo. Each is a
 * short {@code main}; {@link io.mproc.examples.Examples} lists them and runs one by name, from
 * the repository's root:
 * <pre>
 * mvn -B -q -DskipTests -Pexample verify                                  # list the examples
 * mvn -B -q -DskipTests -Pexample -Dexample=queue verify                  # run one by name
 * mvn -B -q -DskipTests -Pexample -Dexample="named-queue serve" verify    # with its arguments
 * mvn -B -q -DskipTests -Pdemo verify                                     # the main demo
 * </pre>
 * Maven's profile passes the JVM flag mproc needs ({@code --enable-native-access=ALL-UNNAMED});
 * nothing is typed by hand. Each example opens a namespace of its own and closes it, so it
 * leaves no file in {@code /dev/shm}; {@link io.mproc.examples.Pause} lets the tests shorten
 * the examples' pauses. {@code ipc-examples/README.md} maps each example to the Python it
 * ports.
 */
package io.mproc.examples;

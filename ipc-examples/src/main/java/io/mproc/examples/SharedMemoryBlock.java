package io.mproc.examples;

import io.mproc.memory.RegionNamespace;
import io.mproc.process.JvmProcess;
import io.mproc.shared.SharedMemory;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * A {@link SharedMemory} block: raw bytes that any process maps by name, as Python's
 * {@code shared_memory.SharedMemory}. The parent writes the numbers 0 to 99; a child process
 * attaches the block by its name, adds them up and writes the sum back. What the bytes mean,
 * and when each side may read them, is the program's business: here the child's exit, which
 * the parent's {@code join()} waits for, orders its writes before the parent's reads.
 *
 * <pre>
 * child: attached block "numbers" of 4096 bytes
 * sum written by the child: 4950
 * </pre>
 */
public final class SharedMemoryBlock {
    private static final int COUNT = 100;
    /** Where the child writes the sum: after the numbers. */
    private static final long SUM_OFFSET = COUNT * Integer.BYTES;

    private SharedMemoryBlock() {
    }

    static void sum(String namespaceName) {
        // Attached by name, as a process that was handed nothing but the name would.
        try (RegionNamespace namespace = RegionNamespace.open(namespaceName);
             SharedMemory block = SharedMemory.attach(namespace, "numbers")) {
            System.out.println("child: attached block \"" + block.name() + "\" of " + block.size() + " bytes");
            MemorySegment bytes = block.segment();
            long sum = 0;
            for (int i = 0; i < COUNT; i++) {
                sum += bytes.getAtIndex(ValueLayout.JAVA_INT, i);
            }
            bytes.set(ValueLayout.JAVA_LONG, SUM_OFFSET, sum);
        } // close() unmaps the block in this process only
    }

    public static void main(String[] args) throws InterruptedException {
        String namespaceName = "memory-example-" + ProcessHandle.current().pid();
        try (RegionNamespace namespace = RegionNamespace.open(namespaceName);
             SharedMemory block = SharedMemory.create(namespace, "numbers", 4096)) {
            MemorySegment bytes = block.segment();
            for (int i = 0; i < COUNT; i++) {
                bytes.setAtIndex(ValueLayout.JAVA_INT, i, i);
            }
            try (JvmProcess<Void> child = JvmProcess.run(SharedMemoryBlock::sum, namespaceName).start()) {
                child.join();
            }
            System.out.println("sum written by the child: " + bytes.get(ValueLayout.JAVA_LONG, SUM_OFFSET));
            block.unlink(); // Python's unlink(): the name goes; closing unmaps it here
        }
    }
}

package io.mproc.bench.channel.chronicle;

import io.mproc.bench.channel.ChannelUnavailableException;
import net.openhft.chronicle.queue.ChronicleQueue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Opening and removing the queue directories of the Chronicle channels. */
final class ChronicleQueues {

    private ChronicleQueues() {
    }

    /**
     * The queue in {@code dir}, created if absent, after {@link ChronicleJvm#requireUsable()}.
     * Chronicle reports a JVM it cannot work in by throwing errors from its first file mapping
     * (an {@link AssertionError} for a missing module flag): those become a
     * {@link ChannelUnavailableException} that says so, instead of an error that ends the run.
     */
    static ChronicleQueue open(Path dir) throws ChannelUnavailableException {
        ChronicleJvm.requireUsable();
        try {
            return ChronicleQueue.singleBuilder(dir).build();
        } catch (RuntimeException | LinkageError | AssertionError failed) {
            throw new ChannelUnavailableException("Chronicle Queue could not open a queue in " + dir + ": " + failed,
                failed);
        }
    }

    /**
     * Closes {@code queue} and deletes its directory: every message stays in the queue's files
     * (in /dev/shm, so in memory) until then, hundreds of MB for a run.
     */
    static void closeAndDelete(ChronicleQueue queue, Path dir) {
        queue.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException leftBehind) {
            // the bench deletes the run's whole directory at its end
        }
    }
}

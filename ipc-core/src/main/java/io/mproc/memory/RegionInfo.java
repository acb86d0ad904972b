package io.mproc.memory;

import java.nio.file.Path;
import java.time.Instant;

/**
 * What a region's header says, read without mapping the file (so listing a damaged file is
 * safe).
 *
 * @param name           the region's name in its namespace (its file name)
 * @param path           the file
 * @param kind           what the region holds
 * @param fileSize       the size the creator gave the file, header included
 * @param creatorPid     the pid of the process that created it
 * @param creatorStartTime that process's start time ({@link ProcessIdentity#startTime()})
 * @param createdAt      when it was created
 * @param ready          whether the creator finished initialising it
 */
public record RegionInfo(String name, Path path, RegionKind kind, long fileSize, int creatorPid,
                         long creatorStartTime, Instant createdAt, boolean ready) {

    /** Whether the creating process still runs (pid and start time both match). */
    public boolean creatorAlive() {
        return ProcessIdentity.isAlive(creatorPid, creatorStartTime);
    }
}

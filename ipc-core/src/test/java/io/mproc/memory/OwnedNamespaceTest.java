package io.mproc.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Namespaces named after the process that owns them: a sweep removes those of owners that no
 * longer run, and leaves every other namespace alone. (Across a real SIGKILL:
 * {@code PoolOwnerDeathTest}.)
 */
class OwnedNamespaceTest {
    @TempDir
    Path root;

    @Test
    void theNameCarriesTheOwnersPidAndStartTime() {
        ProcessIdentity self = ProcessIdentity.current();
        assertEquals("pool-" + self.pid() + "-" + self.startTime(), RegionNamespace.ownedName("pool", self));
    }

    @Test
    void aSweepRemovesTheNamespacesOfDeadOwnersOnly() throws Exception {
        int deadPid = RegionTest.deadProcessPid();
        String live = RegionNamespace.ownedName("owned", ProcessIdentity.current());
        Path dead = halfBuiltIn("owned-" + deadPid + "-12345", deadPid);
        Path deadNumbered = halfBuiltIn("owned-" + deadPid + "-12345-2", deadPid);
        Path alive = halfBuiltIn(live, deadPid);
        Path otherPrefix = halfBuiltIn("other-" + deadPid + "-12345", deadPid);
        Path notOwned = halfBuiltIn("owned-by-nobody", deadPid);

        RegionNamespace.removeDeadOwners(root, "owned");

        assertFalse(Files.exists(dead));
        assertFalse(Files.exists(deadNumbered));
        assertTrue(Files.exists(alive), "the owner runs: its namespace is its own business");
        assertTrue(Files.exists(otherPrefix));
        assertTrue(Files.exists(notOwned));
    }

    @Test
    void aSweepOfAMissingRootDoesNothing() {
        RegionNamespace.removeDeadOwners(root.resolve("missing"), "owned");
        assertFalse(Files.exists(root.resolve("missing")));
    }

    /** A namespace holding what a creator with {@code pid} left half-built: a leftover once it is dead. */
    private Path halfBuiltIn(String namespace, int pid) throws Exception {
        Path directory = RegionDirectory.ensurePrivateDirectory(root.resolve(namespace));
        Files.write(directory.resolve(".building.queue." + pid + ".1"), new byte[10]);
        return directory;
    }
}

package io.mproc.memory;

import static org.junit.jupiter.api.Assertions.*;

import io.mproc.testing.ChildJvm;
import io.mproc.testing.CrossProcessTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.RandomAccessFile;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegionTest extends CrossProcessTest {
    private static final RegionKind KIND = RegionChild.KIND;
    private static final Duration CHILD_TIMEOUT = Duration.ofSeconds(60);

    @Test
    void childSeesWhatParentWroteAndParentSeesTheAnswer() throws Exception {
        Region region = namespace.create("answer", KIND, 4096, body -> OrderedAccess.setLongPlain(body, 0, 4343));
        try (ChildJvm child = ChildJvm.start(RegionChild.class, "attach-and-answer", namespace.name(), "answer")) {
            assertEquals("SAW 4343", child.awaitLine("SAW", CHILD_TIMEOUT));
            child.awaitSuccess(CHILD_TIMEOUT);
        }
        assertEquals(-4343, OrderedAccess.getLongAcquire(region.body(), 8));
    }

    @Test
    void regionFilesAreOwnerOnlyInAnOwnerOnlyDirectory() throws IOException {
        Region region = namespace.create("private", KIND, 64, null);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(region.path())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(namespace.directory())));
        assertEquals("rwx------", PosixFilePermissions.toString(
            Files.getPosixFilePermissions(namespace.directory().getParent())));
    }

    @Test
    void bodyIsCacheLineAlignedAndZeroed() {
        Region region = namespace.create("zeroed", KIND, 1 << 16, null);
        assertEquals(0, region.body().address() % RegionHeaderLayout.CACHE_LINE);
        assertEquals(1 << 16, region.body().byteSize());
        for (long offset = 0; offset < region.body().byteSize(); offset += 8) {
            assertEquals(0, OrderedAccess.getLongPlain(region.body(), offset));
        }
    }

    @Test
    void createFailsWhenTheRegionExists() {
        namespace.create("twice", KIND, 64, null);
        RegionExistsException failure = assertThrows(RegionExistsException.class,
            () -> namespace.create("twice", KIND, 64, null));
        assertTrue(failure.getMessage().contains("twice"), failure.getMessage());
    }

    @Test
    void attachFailsWhenTheRegionIsMissing() {
        RegionNotFoundException failure = assertThrows(RegionNotFoundException.class,
            () -> namespace.attach("nowhere", KIND));
        assertTrue(failure.getMessage().contains("nowhere"), failure.getMessage());
    }

    @Test
    void attachRefusesAnotherKind() {
        namespace.create("lock-not-ring", KIND, 64, null);
        RegionException failure = assertThrows(RegionException.class,
            () -> namespace.attach("lock-not-ring", new RegionKind("ring.spsc", 1)));
        assertTrue(failure.getMessage().contains("kind \"test.region\" (expected \"ring.spsc\")"), failure.getMessage());
    }

    @Test
    void attachRefusesAnotherLayoutVersion() {
        namespace.create("old", KIND, 64, null);
        RegionException failure = assertThrows(RegionException.class,
            () -> namespace.attach("old", new RegionKind(KIND.name(), 2)));
        assertTrue(failure.getMessage().contains("layout version 1 (expected 2)"), failure.getMessage());
    }

    @Test
    void attachRefusesAFileWithoutTheMagic() throws IOException {
        Path file = namespace.pathOf("foreign");
        Files.write(file, new byte[4096]);
        RegionException failure = assertThrows(RegionException.class, () -> namespace.attach("foreign", KIND));
        assertTrue(failure.getMessage().contains("not an mproc region"), failure.getMessage());
        assertTrue(failure.getMessage().contains(file.toString()), failure.getMessage());
        Files.delete(file);
    }

    @Test
    void attachRefusesAFileShorterThanTheHeader() throws IOException {
        Path file = namespace.pathOf("stub");
        Files.write(file, new byte[10]);
        RegionException failure = assertThrows(RegionException.class, () -> namespace.attach("stub", KIND));
        assertTrue(failure.getMessage().contains("shorter than the 128-byte header"), failure.getMessage());
        Files.delete(file);
    }

    @Test
    void attachRefusesATruncatedBodyInsteadOfCrashingOnSigbus() throws IOException {
        Region region = namespace.create("cut", KIND, 1 << 20, null);
        try (RandomAccessFile file = new RandomAccessFile(region.path().toFile(), "rw")) {
            file.setLength(4096);
        }
        RegionException failure = assertThrows(RegionException.class, () -> namespace.attach("cut", KIND));
        assertTrue(failure.getMessage().contains("truncated"), failure.getMessage());
    }

    @Test
    void attachRefusesAFileOwnedByAnotherUser() throws Exception {
        Region region = namespace.create("theirs", KIND, 64, null);
        int self = RegionDirectory.currentUid();
        org.junit.jupiter.api.Assumptions.assumeTrue(self == 0, "only root can give a file to another user");
        Files.setAttribute(region.path(), "unix:uid", 12345);
        RegionException failure = assertThrows(RegionException.class, () -> namespace.attach("theirs", KIND));
        assertTrue(failure.getMessage().contains("owned by uid 12345"), failure.getMessage());
    }

    @Test
    void namespaceDirectoryOwnedByAnotherUserIsRefused() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(RegionDirectory.currentUid() == 0, "needs root to chown");
        Path hostile = Files.createTempDirectory("mproc-hostile");
        try {
            Files.setAttribute(hostile, "unix:uid", 12345);
            RegionException failure = assertThrows(RegionException.class, () -> RegionNamespace.open(hostile, "ns"));
            assertTrue(failure.getMessage().contains("owned by uid 12345"), failure.getMessage());
        } finally {
            Files.delete(hostile);
        }
    }

    @Test
    void attachFailsAtOnceWhenTheCreatorDiedBeforeTheRegionWasReady() throws Exception {
        int deadPid = deadProcessPid();
        writeRawRegion("unfinished", deadPid, RegionHeaderLayout.STATE_INITIALISING);
        RegionException failure = assertThrows(RegionException.class,
            () -> namespace.attach("unfinished", KIND, Duration.ofSeconds(30)));
        assertTrue(failure.getMessage().contains("creator pid " + deadPid + " died before the region became ready"),
            failure.getMessage());
        Files.delete(namespace.pathOf("unfinished"));
    }

    @Test
    void attachWaitsForALiveCreatorThenGivesUpWithAClearMessage() throws Exception {
        writeRawRegion("slow", (int) ProcessHandle.current().pid(), RegionHeaderLayout.STATE_INITIALISING);
        RegionException failure = assertThrows(RegionException.class,
            () -> namespace.attach("slow", KIND, Duration.ofMillis(200)));
        assertTrue(failure.getMessage().contains("still not ready"), failure.getMessage());
        Files.delete(namespace.pathOf("slow"));
    }

    @Test
    void unlinkTwiceFailsTheSecondTime() {
        Region region = namespace.create("once", KIND, 64, null);
        region.unlink();
        assertThrows(RegionNotFoundException.class, region::unlink);
        // still mapped after unlink
        OrderedAccess.setLongPlain(region.body(), 0, 7);
        assertEquals(7, OrderedAccess.getLongPlain(region.body(), 0));
    }

    @Test
    void accessAfterCloseThrowsInsteadOfTouchingUnmappedMemory() {
        Region region = namespace.create("closed", KIND, 64, null);
        MemorySegment body = region.body();
        region.close();
        region.close();
        assertFalse(region.isOpen());
        assertThrows(IllegalStateException.class, () -> OrderedAccess.getLongPlain(body, 0));
    }

    @Test
    void releaseUnlinksACreatedRegionAndOnlyUnmapsAnAttachedOne() {
        Region created = namespace.create("released", KIND, 64, null);
        try (RegionNamespace other = RegionNamespace.open(namespace.directory().getParent(), namespace.name())) {
            Region attached = other.attach("released", KIND);
            other.release(attached);
            assertFalse(attached.isOpen());
            assertTrue(Files.exists(created.path()), "releasing an attached region must not unlink it");
            Region stranger = other.create("stranger", KIND, 64, null);
            IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> namespace.release(stranger));
            assertTrue(failure.getMessage().contains("stranger"), failure.getMessage());
        }
        namespace.release(created);
        namespace.release(created);
        assertFalse(created.isOpen());
        assertFalse(Files.exists(created.path()));
    }

    @Test
    void aSerialisedRegionAttachesTheSameFileWhereItIsRead() throws Exception {
        Region region = namespace.create("travels", KIND, 64, body -> OrderedAccess.setLongPlain(body, 0, 24234));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(region);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()));
             Region copy = (Region) in.readObject()) {
            assertNotSame(region, copy);
            assertEquals(region.path(), copy.path());
            assertEquals(KIND, copy.kind());
            assertFalse(copy.created());
            assertEquals(24234, OrderedAccess.getLongAcquire(copy.body(), 0));
        }
        namespace.release(region);
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            InvalidObjectException gone = assertThrows(InvalidObjectException.class, in::readObject);
            assertTrue(gone.getMessage().contains("travels"), gone.getMessage());
        }
    }

    @Test
    void closingTheNamespaceUnlinksWhatItCreated() {
        RegionNamespace other = RegionNamespace.open(namespace.directory().getParent(), namespace.name() + "-b");
        Region region = other.create("mine", KIND, 64, null);
        other.close();
        assertFalse(Files.exists(region.path()));
        assertFalse(Files.exists(other.directory()));
        assertThrows(IllegalStateException.class, () -> other.create("late", KIND, 64, null));
    }

    @Test
    void badNamesAreRefusedWithTheName() {
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
            () -> namespace.create("../escape", KIND, 64, null));
        assertTrue(failure.getMessage().contains("\"../escape\""), failure.getMessage());
        assertThrows(IllegalArgumentException.class, () -> namespace.create("", KIND, 64, null));
        assertThrows(IllegalArgumentException.class, () -> new RegionKind("a-kind-name-that-is-too-long", 1));
        assertThrows(IllegalArgumentException.class, () -> namespace.create("negative", KIND, -1, null));
    }

    @Test
    void leftoversOfAKilledCreatorAreFoundAndRemoved() throws Exception {
        try (ChildJvm child = ChildJvm.start(RegionChild.class, "create-and-hang", namespace.name(), "orphan")) {
            child.awaitLine("CREATED", CHILD_TIMEOUT);
            assertTrue(namespace.leftovers().isEmpty(), "creator still alive: not a leftover");
            child.kill();
        }
        List<RegionInfo> leftovers = namespace.leftovers();
        assertEquals(1, leftovers.size());
        RegionInfo orphan = leftovers.getFirst();
        assertEquals("orphan", orphan.name());
        assertEquals(KIND, orphan.kind());
        assertTrue(orphan.ready());
        assertFalse(orphan.creatorAlive());
        assertEquals(List.of(orphan), namespace.removeLeftovers());
        assertFalse(Files.exists(orphan.path()));
    }

    @Test
    void aHalfBuiltFileOfADeadCreatorIsALeftover() throws Exception {
        int deadPid = deadProcessPid();
        Path halfBuilt = namespace.directory().resolve(".building.queue." + deadPid + ".1");
        Files.write(halfBuilt, new byte[10]);
        assertTrue(namespace.list().isEmpty(), "never published: not a region");
        assertEquals(1, namespace.removeLeftovers().size());
        assertFalse(Files.exists(halfBuilt));
    }

    @Test
    void createOrAttachRaceHasExactlyOneCreator() throws Exception {
        List<ChildJvm> children = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                children.add(ChildJvm.start(RegionChild.class, "create-or-attach", namespace.name(), "raced"));
            }
            int created = 0;
            for (ChildJvm child : children) {
                String line = child.awaitLine("", CHILD_TIMEOUT);
                created += line.equals("CREATED") ? 1 : 0;
                child.awaitSuccess(CHILD_TIMEOUT);
            }
            assertEquals(1, created);
            Region region = namespace.attach("raced", KIND);
            assertEquals(3, OrderedAccess.getLongAcquire(region.body(), 0));
            region.unlink();
        } finally {
            for (ChildJvm child : children) {
                child.close();
            }
        }
    }

    @Test
    void mapsRegionsLargerThanTwoGibibytes() {
        long size = (1L << 31) + 4096;
        Region region = namespace.create("large", KIND, size, null);
        OrderedAccess.setLongRelease(region.body(), size - 8, 0x5EED);
        assertEquals(0x5EED, OrderedAccess.getLongAcquire(region.body(), size - 8));
        region.close();
        region.unlink();
    }

    /** Writes a region file by hand, as a creator that stopped at {@code state} would leave it. */
    private void writeRawRegion(String name, int creatorPid, int state) throws IOException {
        long fileSize = RegionHeaderLayout.HEADER_LENGTH + 64;
        ByteBuffer bytes = ByteBuffer.allocate((int) fileSize).order(ByteOrder.LITTLE_ENDIAN);
        bytes.putLong((int) RegionHeaderLayout.MAGIC_OFFSET, RegionHeaderLayout.MAGIC);
        bytes.putInt((int) RegionHeaderLayout.HEADER_VERSION_OFFSET, RegionHeaderLayout.HEADER_VERSION);
        bytes.putInt((int) RegionHeaderLayout.KIND_VERSION_OFFSET, KIND.version());
        bytes.put((int) RegionHeaderLayout.KIND_NAME_OFFSET, KIND.name().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        bytes.putLong((int) RegionHeaderLayout.FILE_SIZE_OFFSET, fileSize);
        bytes.putInt((int) RegionHeaderLayout.CREATOR_PID_OFFSET, creatorPid);
        bytes.putInt((int) RegionHeaderLayout.READY_STATE_OFFSET, state);
        try (FileChannel channel = FileChannel.open(namespace.pathOf(name), StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE)) {
            channel.write(bytes);
        }
    }

    /** The pid of a process that has exited and been reaped. */
    static int deadProcessPid() throws Exception {
        Process done = new ProcessBuilder("true").start();
        done.waitFor();
        return (int) done.pid();
    }
}

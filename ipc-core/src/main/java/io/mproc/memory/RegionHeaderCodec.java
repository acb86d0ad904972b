package io.mproc.memory;

import static io.mproc.memory.RegionHeaderLayout.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Reads and checks a region header from a plain copy of its bytes. Attach and listing both go
 * through here before anything is mapped, so that a short or foreign file is reported, never
 * touched through a mapping (touching a mapping past the end of its file raises SIGBUS).
 */
final class RegionHeaderCodec {
    private RegionHeaderCodec() {
    }

    /** Parses the header; {@code actualFileSize} is the file's length on disk now. */
    static RegionInfo parse(Path path, ByteBuffer header, long actualFileSize) {
        String where = "region " + path;
        if (actualFileSize < HEADER_LENGTH) {
            throw new RegionException(where + ": file is " + actualFileSize
                + " bytes, shorter than the " + HEADER_LENGTH + "-byte header (truncated, or not an mproc region)");
        }
        ByteBuffer bytes = header.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        long magic = bytes.getLong((int) MAGIC_OFFSET);
        if (magic != MAGIC) {
            throw new RegionException(where + ": magic 0x" + Long.toHexString(magic)
                + " (expected 0x" + Long.toHexString(MAGIC) + " \"MPROCREG\"): not an mproc region");
        }
        int headerVersion = bytes.getInt((int) HEADER_VERSION_OFFSET);
        if (headerVersion != HEADER_VERSION) {
            throw new RegionException(where + ": header version " + headerVersion
                + " (expected " + HEADER_VERSION + "): made by an incompatible mproc release");
        }
        byte[] nameBytes = new byte[KIND_NAME_LENGTH];
        bytes.get((int) KIND_NAME_OFFSET, nameBytes);
        int nameLength = 0;
        while (nameLength < nameBytes.length && nameBytes[nameLength] != 0) {
            nameLength++;
        }
        String kindName = new String(nameBytes, 0, nameLength, StandardCharsets.US_ASCII);
        int kindVersion = bytes.getInt((int) KIND_VERSION_OFFSET);
        RegionKind kind;
        try {
            kind = new RegionKind(kindName, kindVersion);
        } catch (IllegalArgumentException corrupt) {
            throw new RegionException(where + ": corrupt kind field: " + corrupt.getMessage());
        }
        long declaredSize = bytes.getLong((int) FILE_SIZE_OFFSET);
        if (declaredSize != actualFileSize) {
            throw new RegionException(where + ": file is " + actualFileSize + " bytes but its header says "
                + declaredSize + (actualFileSize < declaredSize ? " (truncated)" : " (grown by someone else)"));
        }
        int state = bytes.getInt((int) READY_STATE_OFFSET);
        return new RegionInfo(path.getFileName().toString(), path, kind, declaredSize,
            bytes.getInt((int) CREATOR_PID_OFFSET), bytes.getLong((int) CREATOR_START_TIME_OFFSET),
            Instant.ofEpochMilli(bytes.getLong((int) CREATION_TIME_OFFSET)), state == STATE_READY);
    }

    /** Checks that a parsed header is the kind the caller expects. */
    static void requireKind(RegionInfo info, RegionKind expected) {
        if (!info.kind().name().equals(expected.name())) {
            throw new RegionException("region " + info.path() + ": kind \"" + info.kind().name()
                + "\" (expected \"" + expected.name() + "\")");
        }
        if (info.kind().version() != expected.version()) {
            throw new RegionException("region " + info.path() + ": " + info.kind().name()
                + " layout version " + info.kind().version() + " (expected " + expected.version()
                + "): made by an incompatible mproc release");
        }
    }

    /** Writes every header field but the ready state, which the creator publishes last. */
    static void write(java.lang.foreign.MemorySegment file, RegionKind kind, long fileSize,
                      ProcessIdentity creator, long createdAtMillis) {
        OrderedAccess.setLongPlain(file, MAGIC_OFFSET, MAGIC);
        OrderedAccess.setIntPlain(file, HEADER_VERSION_OFFSET, HEADER_VERSION);
        OrderedAccess.setIntPlain(file, KIND_VERSION_OFFSET, kind.version());
        byte[] name = kind.name().getBytes(StandardCharsets.US_ASCII);
        java.lang.foreign.MemorySegment.copy(name, 0, file, java.lang.foreign.ValueLayout.JAVA_BYTE,
            KIND_NAME_OFFSET, name.length);
        OrderedAccess.setLongPlain(file, FILE_SIZE_OFFSET, fileSize);
        OrderedAccess.setIntPlain(file, CREATOR_PID_OFFSET, creator.pid());
        OrderedAccess.setLongPlain(file, CREATOR_START_TIME_OFFSET, creator.startTime());
        OrderedAccess.setLongPlain(file, CREATION_TIME_OFFSET, createdAtMillis);
    }
}

package io.mproc.memory;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where regions live, and the ownership rules that keep other users out: every directory mproc
 * makes is {@code 0700}, every file {@code 0600}, and a directory or file owned by another user
 * is refused rather than used (someone else could otherwise read or forge the messages).
 *
 * <p>The root is, in order of precedence: the path given to the API; the system property
 * {@value #ROOT_PROPERTY}; {@code /dev/shm/mproc-<user>}; or, where {@code /dev/shm} does not
 * exist, {@code <java.io.tmpdir>/mproc-<user>} (a disk-backed file system works, only slower
 * to create regions on).
 */
public final class RegionDirectory {
    private RegionDirectory() {
    }

    /** System property naming the root directory for all namespaces. */
    public static final String ROOT_PROPERTY = "mproc.dir";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,199}");
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    /** The root directory regions live under, unless the API is given another. */
    public static Path defaultRoot() {
        String configured = System.getProperty(ROOT_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_");
        Path shm = Path.of("/dev/shm");
        Path base = Files.isDirectory(shm) ? shm : Path.of(System.getProperty("java.io.tmpdir"));
        return base.resolve("mproc-" + user);
    }

    /**
     * Checks a region or namespace name: 1 to 200 of {@code A-Z a-z 0-9 . _ -}, not starting with
     * a dot or dash (it becomes a file name; no path tricks).
     */
    public static String requireValidName(String what, String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(what + "=\"" + name
                + "\" (expected: 1-200 characters of A-Z a-z 0-9 . _ -, not starting with . or -)");
        }
        return name;
    }

    /**
     * Creates {@code dir} and any missing parents as {@code 0700}, or checks an existing one: it
     * must be a real directory (not a link) owned by the current user. An existing directory of
     * ours with looser permissions is tightened to {@code 0700}.
     */
    public static Path ensurePrivateDirectory(Path dir) {
        Path absolute = dir.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            ensurePrivateDirectory(parent);
        }
        try {
            Files.createDirectory(absolute, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            // umask may have removed bits we asked for, never added any; set exactly 0700.
            Files.setPosixFilePermissions(absolute, OWNER_ONLY);
        } catch (FileAlreadyExistsException exists) {
            if (!Files.isDirectory(absolute, LinkOption.NOFOLLOW_LINKS)) {
                throw new RegionException("directory " + absolute + ": exists but is not a directory (or is a link)");
            }
            requireOwnedByCurrentUser(absolute);
            try {
                if (!Files.getPosixFilePermissions(absolute, LinkOption.NOFOLLOW_LINKS).equals(OWNER_ONLY)) {
                    Files.setPosixFilePermissions(absolute, OWNER_ONLY);
                }
            } catch (IOException failed) {
                throw new RegionException("directory " + absolute + ": cannot make it 0700: " + failed, failed);
            }
        } catch (IOException failed) {
            throw new RegionException("directory " + absolute + ": cannot create: " + failed, failed);
        }
        return absolute;
    }

    /** Refuses a file or directory that another user owns. */
    public static void requireOwnedByCurrentUser(Path path) {
        int owner;
        try {
            owner = (Integer) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        } catch (java.nio.file.NoSuchFileException missing) {
            throw new RegionNotFoundException("region " + path + ": does not exist");
        } catch (IOException | UnsupportedOperationException unknown) {
            return; // no uid on this file system: nothing to compare
        }
        int self = currentUid();
        if (self >= 0 && owner != self) {
            throw new RegionException(path + ": owned by uid " + owner + ", not by this user (uid " + self
                + "); refusing to use another user's shared memory");
        }
    }

    private static final int CURRENT_UID = readCurrentUid();

    /** The uid this process runs as, or -1 where the platform does not say. */
    public static int currentUid() {
        return CURRENT_UID;
    }

    private static int readCurrentUid() {
        try {
            // /proc/self belongs to the process's own uid.
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException noProc) {
            return -1;
        }
    }
}

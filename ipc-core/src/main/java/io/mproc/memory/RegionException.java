package io.mproc.memory;

/**
 * A region file could not be created, attached or used: the message names the file and says
 * what was found, e.g. {@code region /dev/shm/mproc-ann/app/orders: kind "lock" (expected "ring.spsc")}.
 */
public class RegionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RegionException(String message) {
        super(message);
    }

    public RegionException(String message, Throwable cause) {
        super(message, cause);
    }
}

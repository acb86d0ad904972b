package io.mproc.memory;

/** Attaching or unlinking failed because no region of that name exists (Python: {@code FileNotFoundError}). */
public class RegionNotFoundException extends RegionException {
    private static final long serialVersionUID = 1L;

    public RegionNotFoundException(String message) {
        super(message);
    }
}

package io.mproc.memory;

/** Creating a region failed because one of that name already exists (Python: {@code FileExistsError}). */
public class RegionExistsException extends RegionException {
    private static final long serialVersionUID = 1L;

    public RegionExistsException(String message) {
        super(message);
    }
}

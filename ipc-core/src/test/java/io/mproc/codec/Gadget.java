package io.mproc.codec;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serial;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A stand-in for a deserialization gadget: its {@code readObject} runs code (it creates the
 * file named by its field and sets a flag). A filter must refuse it before that can happen.
 */
public final class Gadget implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Set if any readObject of this class ever ran in this JVM. */
    public static volatile boolean readObjectRan;

    private final String proofFile;

    public Gadget(String proofFile) {
        this.proofFile = proofFile;
    }

    @Serial
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        readObjectRan = true;
        if (proofFile != null) {
            Files.writeString(Path.of(proofFile), "gadget ran");
        }
    }
}

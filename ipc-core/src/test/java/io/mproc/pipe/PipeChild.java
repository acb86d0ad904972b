package io.mproc.pipe;

import io.mproc.codec.SerialFilter;
import io.mproc.queue.CommandChild;
import java.util.Base64;

/** Starts {@link PipeChildMain} children holding a pipe end, handed over as serialized handle bytes. */
final class PipeChild {
    private PipeChild() {
    }

    static CommandChild holding(Connection end) throws InterruptedException {
        return CommandChild.start(PipeChildMain.class, Base64.getEncoder().encodeToString(SerialFilter.serialize(end)));
    }
}

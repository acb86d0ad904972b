package io.mproc.bench.result;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes {@code results.jsonl}: one figure per line, flushed as it comes so that a run that
 * dies half way still leaves every figure measured before it.
 */
public final class JsonlResultWriter implements ResultSink, AutoCloseable {

    private final BufferedWriter writer;

    public JsonlResultWriter(Path file) throws IOException {
        this.writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void add(Figure figure) {
        try {
            writer.write(JsonText.figureLine(figure));
            writer.write('\n');
            writer.flush();
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        writer.close();
    }
}

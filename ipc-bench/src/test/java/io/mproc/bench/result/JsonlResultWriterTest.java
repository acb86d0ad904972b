package io.mproc.bench.result;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JsonlResultWriterTest {

    @TempDir
    Path dir;

    @Test
    void writesOneObjectPerLineInOrder() throws Exception {
        Path file = dir.resolve("results.jsonl");
        try (JsonlResultWriter writer = new JsonlResultWriter(file)) {
            writer.add(new Figure("floors", "c-cache-line-spin", "rtt_median", 131, "ns"));
            writer.add(new Figure("pingpong", "with\nnewline", "rtt_p99", 210.5, "ns"));
            writer.add(new Figure("throughput", "ring", "msgs_per_s", 4.5e7, "msgs/s"));
        }
        List<String> lines = Files.readAllLines(file);
        assertEquals(3, lines.size());
        Map<String, Object> second = FlatJson.parseObject(lines.get(1));
        assertEquals("with\nnewline", second.get("subject"));
        assertEquals(210.5, second.get("value"));
        assertEquals(4.5e7, FlatJson.parseObject(lines.get(2)).get("value"));
        assertEquals("c-cache-line-spin", FlatJson.parseObject(lines.get(0)).get("subject"));
    }

    @Test
    void eachFigureIsOnDiskAsSoonAsItIsAdded() throws Exception {
        Path file = dir.resolve("results.jsonl");
        try (JsonlResultWriter writer = new JsonlResultWriter(file)) {
            writer.add(new Figure("a", "b", "c", 1, "ns"));
            assertEquals(1, Files.readAllLines(file).size());
        }
    }
}

package io.mproc.bench.floor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HelloJarTest {

    @TempDir
    Path dir;

    @Test
    void theGeneratedJarRunsAndItsStartIsTimed() throws Exception {
        Path jar = HelloJar.write(dir);
        Process hello = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", jar.toString(), HelloJar.MAIN_CLASS).redirectErrorStream(true).start();
        String output = new String(hello.getInputStream().readAllBytes()).strip();
        assertEquals(0, hello.waitFor());
        assertEquals("Hello", output);

        double[] millis = new JvmStartFloor(jar).measure(1);
        assertEquals(1, millis.length);
        assertTrue(millis[0] > 0 && millis[0] < 60_000, "start took " + millis[0] + " ms");
    }
}

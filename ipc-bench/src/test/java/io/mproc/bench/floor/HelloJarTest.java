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
    void theGeneratedJarPrintsWhenItsMainBeganAndItsStartIsTimed() throws Exception {
        Path jar = HelloJar.write(dir);
        long before = System.nanoTime();
        Process hello = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", jar.toString(), HelloJar.MAIN_CLASS).redirectErrorStream(true).start();
        String output = new String(hello.getInputStream().readAllBytes()).strip();
        long after = System.nanoTime();
        assertEquals(0, hello.waitFor());
        long mainBegan = Long.parseLong(output);
        assertTrue(before < mainBegan && mainBegan < after, before + " < " + mainBegan + " < " + after);

        double[] millis = new JvmStartFloor(jar).measure(1);
        assertEquals(1, millis.length);
        assertTrue(millis[0] > 0 && millis[0] < 60_000, "start took " + millis[0] + " ms");
    }
}

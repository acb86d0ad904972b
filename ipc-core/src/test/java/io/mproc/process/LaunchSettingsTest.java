package io.mproc.process;

import static org.junit.jupiter.api.Assertions.*;

import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a cold child is launched with, and what the launch settings refuse. */
class LaunchSettingsTest extends ProcessTestBase {
    @TempDir
    Path directory;

    @Test
    void aColdChildGetsItsOptionsPropertiesEnvironmentDirectoryAndOutputAndAnEmptyStdin() throws Exception {
        Path stdout = directory.resolve("stdout.txt");
        try (JvmProcess<String> child = JvmProcess.call(LaunchSettingsTest::describeLaunch)
            .jvmOptions("-Xmx96m").systemProperty("launch.property", "from the parent")
            .environment("MPROC_LAUNCH_TEST", "in the environment").workingDirectory(directory)
            .stdout(Redirect.to(stdout.toFile())).start()) {
            String[] seen = child.result().split("\\|");
            assertTrue(Long.parseLong(seen[0]) <= 96L << 20, "max heap " + seen[0]);
            assertEquals("from the parent", seen[1]);
            assertEquals("in the environment", seen[2]);
            assertEquals(directory.toRealPath().toString(), seen[3]);
            assertEquals("-1", seen[4], "the child's System.in is empty");
        }
        assertEquals(List.of("printed by the child"), lines(stdout));
    }

    static String describeLaunch() throws Exception {
        System.out.println("printed by the child");
        return Runtime.getRuntime().maxMemory() + "|" + System.getProperty("launch.property") + "|"
            + System.getenv("MPROC_LAUNCH_TEST") + "|" + Path.of("").toAbsolutePath() + "|" + System.in.read();
    }

    @Test
    void outputMustBeInheritedDiscardedOrAFile() {
        IllegalArgumentException pipe = assertThrows(IllegalArgumentException.class,
            () -> JvmProcess.run(() -> { }).stdout(Redirect.PIPE));
        assertEquals("stdout=PIPE (expected: Redirect.INHERIT, Redirect.DISCARD or a file)", pipe.getMessage());
        IllegalArgumentException key = assertThrows(IllegalArgumentException.class,
            () -> JvmProcess.run(() -> { }).systemProperty("a=b", "c"));
        assertEquals("system property name=\"a=b\" (expected: non-empty, no '=')", key.getMessage());
    }

    @Test
    void theCommandCarriesMprocsFlagsAndTheCacheUnlessOptionsChangeTheModuleGraph() {
        assertTrue(StartupCache.prepare().isPresent(), "the startup cache can be made here");
        List<String> plain = Launcher.command(Children.namespace(), "x1", false, LaunchSettings.defaults());
        assertEquals(Path.of(System.getProperty("java.home"), "bin", "java").toString(), plain.getFirst());
        assertTrue(plain.containsAll(Launcher.MPROC_FLAGS), plain.toString());
        assertTrue(plain.contains("-XX:AOTCache=" + StartupCache.location().orElseThrow()), plain.toString());
        assertEquals(List.of(Children.namespace().directory().getParent().toString(), Children.namespace().name(), "x1"),
            plain.subList(plain.size() - 3, plain.size()));
        List<String> opened = Launcher.command(Children.namespace(), "x2", true,
            LaunchSettings.defaults().withJvmOptions("--add-opens=java.base/java.lang=ALL-UNNAMED"));
        assertTrue(opened.stream().noneMatch(option -> option.startsWith("-XX:AOTCache")), opened.toString());
        assertEquals("standby", opened.getLast());
    }
}

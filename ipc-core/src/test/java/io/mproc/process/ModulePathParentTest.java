package io.mproc.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A parent JVM that runs on the module path starts children that load what it loads: its
 * modules, and mproc as the module {@value #MPROC_MODULE}. The parents are real programs: mproc's
 * classes packed as the jar Maven makes (an automatic module), and a small application module
 * compiled here.
 */
class ModulePathParentTest extends ProcessTestBase {
    private static final String MPROC_MODULE = "io.mproc.core";
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    /** An application module: exports its main package, keeps another one to itself, opens none. */
    private static final Map<String, String> APP_MODULE = Map.of(
        "module-info.java", """
            module mproc.demo {
                requires io.mproc.core;
                exports mproc.demo;
            }
            """,
        "mproc/demo/Main.java", """
            package mproc.demo;

            import io.mproc.pool.ProcessPool;
            import io.mproc.process.JvmProcess;
            import io.mproc.process.LaunchSettings;
            import io.mproc.process.StandbyJvms;
            import io.mproc.process.StartupCache;
            import java.util.List;
            import mproc.demo.internal.Hidden;

            public final class Main {
                private Main() {
                }

                public static String modules() {
                    return Main.class.getModule().getName() + " " + JvmProcess.class.getModule().getName();
                }

                /** The modules of this JVM's boot layer. */
                public static List<String> bootLayer() {
                    return ModuleLayer.boot().modules().stream().map(Module::getName).sorted().toList();
                }

                /** This JVM's boot layer and its child's. */
                public static List<List<String>> bootLayers() throws Exception {
                    try (JvmProcess<List<String>> child = JvmProcess.call(Main::bootLayer).start()) {
                        return List.of(bootLayer(), child.result());
                    }
                }

                public static void main(String[] args) throws Exception {
                    int base = 21;
                    if (args.length == 3 && args[0].equals("cache")) {
                        startWithCaches(base, args[1], args[2]);
                        return;
                    }
                    try (JvmProcess<Integer> child = JvmProcess.call(() -> base * 2).start()) {
                        System.out.println("LAMBDA " + child.result());
                    }
                    try (JvmProcess<Object> child = JvmProcess.method(Main.class, "modules").start()) {
                        System.out.println("METHOD " + child.result());
                    }
                    try (JvmProcess<String> child = JvmProcess.call(Hidden::secret).start()) {
                        System.out.println("HIDDEN " + child.result());
                    }
                    try (JvmProcess<Void> child = JvmProcess.run(() -> System.exit(3)).start()) {
                        child.join();
                        System.out.println("EXIT " + child.exitCode().orElseThrow());
                    }
                    try (JvmProcess<List<List<String>>> child = JvmProcess.call(Main::bootLayers).start()) {
                        List<List<String>> layers = child.result();
                        System.out.println("BOOT LAYERS " + bootLayer().size() + " " + layers.get(0).size() + " "
                            + layers.get(1).size() + " " + (bootLayer().equals(layers.get(0))
                            && bootLayer().equals(layers.get(1)) ? "same" : "differ: " + bootLayer() + " " + layers));
                    }
                    try (JvmProcess<String> child = JvmProcess.call(Main::modules).warm().start()) {
                        System.out.println("WARM " + child.result());
                    }
                    try (ProcessPool pool = ProcessPool.create(1)) {
                        System.out.println("POOL " + pool.map(x -> x + base, List.of(1, 2)));
                    }
                    try {
                        JvmProcess.method(Hidden.class, "secret");
                    } catch (IllegalArgumentException refused) {
                        System.out.println("REFUSED " + refused.getMessage());
                    }
                }

                /** Makes the startup caches, then starts a cold child and a warm one that log what they map. */
                private static void startWithCaches(int base, String coldLog, String standbyLog) throws Exception {
                    System.out.println("CACHE " + StartupCache.prepare().orElseThrow());
                    try (JvmProcess<Integer> child = JvmProcess.call(() -> base * 2)
                        .jvmOptions("-Xlog:aot=info:file=" + coldLog).start()) {
                        System.out.println("COLD " + child.result());
                    }
                    LaunchSettings logging = LaunchSettings.defaults().withJvmOptions("-Xlog:aot=info:file=" + standbyLog);
                    try (StandbyJvms pool = StandbyJvms.builder().size(1).replenish(false).settings(logging).start();
                         JvmProcess<String> warm = JvmProcess.call(Main::modules).standby(pool).start()) {
                        System.out.println("STANDBY " + warm.result());
                    }
                }
            }
            """,
        "mproc/demo/internal/Hidden.java", """
            package mproc.demo.internal;

            public final class Hidden {
                private Hidden() {
                }

                public static String secret() {
                    return "kept in " + Hidden.class.getModule().getName();
                }
            }
            """);

    /** A class path program that uses mproc from the module path. */
    private static final Map<String, String> CLASS_PATH_APP = Map.of(
        "mixed/Main.java", """
            package mixed;

            import io.mproc.process.JvmProcess;
            import io.mproc.process.StartupCache;

            public final class Main {
                private Main() {
                }

                public static void main(String[] args) throws Exception {
                    if (args.length == 1 && args[0].equals("location")) {
                        System.out.println("LOCATION " + StartupCache.location().orElseThrow());
                        return;
                    }
                    int base = 21;
                    try (JvmProcess<String> child = JvmProcess.call(() -> base * 2 + " "
                        + Main.class.getModule().isNamed() + " " + JvmProcess.class.getModule().getName()).start()) {
                        System.out.println("LAMBDA " + child.result());
                    }
                    try (JvmProcess<Void> child = JvmProcess.run(() -> System.exit(3)).start()) {
                        child.join();
                        System.out.println("EXIT " + child.exitCode().orElseThrow());
                    }
                    try (JvmProcess<Boolean> child = JvmProcess.call(() -> Object.class.getModule()
                        .isOpen("java.lang", Main.class.getModule())).start()) {
                        System.out.println("OPENED " + child.result());
                    }
                }
            }
            """);

    @TempDir
    static Path work;
    private static Path mprocJar;
    private static Path appJar;
    private static Path classPathAppJar;

    @BeforeAll
    static void buildTheModules() throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Automatic-Module-Name", MPROC_MODULE);
        mprocJar = jar(mprocClasses(), work.resolve("mproc.jar"), manifest);
        appJar = jar(compile("mproc.demo", APP_MODULE, List.of("--module-path", mprocJar.toString())),
            work.resolve("mproc-demo.jar"), null);
        classPathAppJar = jar(compile("mixed", CLASS_PATH_APP, List.of("-cp", mprocJar.toString())),
            work.resolve("mixed.jar"), null);
    }

    /** Also: a child, and its child, have the parent's boot layer, module for module. */
    @Test
    void childrenOfAModulePathParentLoadItsModulesAndMproc() throws Exception {
        List<String> output = runJava(List.of("--enable-native-access=" + MPROC_MODULE, "-Dmproc.process.startupCache=off",
            "--module-path", mprocJar + ":" + appJar, "-m", "mproc.demo/mproc.demo.Main"));
        assertTrue(output.contains("LAMBDA 42"), output::toString);
        assertTrue(output.contains("METHOD mproc.demo " + MPROC_MODULE), output::toString);
        assertTrue(output.contains("HIDDEN kept in mproc.demo"), output::toString);
        assertTrue(output.contains("EXIT 3"), output::toString);
        assertTrue(output.stream().anyMatch(line -> line.startsWith("BOOT LAYERS ") && line.endsWith(" same")),
            output::toString);
        assertTrue(output.contains("WARM mproc.demo " + MPROC_MODULE), output::toString);
        assertTrue(output.contains("POOL [22, 23]"), output::toString);
        assertTrue(output.stream().anyMatch(line -> line.startsWith("REFUSED ")
            && line.contains("does not open package mproc.demo.internal")), output::toString);
    }

    /**
     * Also: the parent's {@code --add-opens} reaches the child, read from an argument file on a
     * command line longer than a page.
     */
    @Test
    void aClassPathProgramThatTakesMprocFromTheModulePathStartsChildrenThatDoTheSame() throws Exception {
        Path options = work.resolve("options");
        Files.writeString(options, "--add-opens java.base/java.lang=ALL-UNNAMED\n-Dpadding=" + "x".repeat(5000));
        List<String> output = runJava(List.of("--enable-native-access=" + MPROC_MODULE, "-Dmproc.process.startupCache=off",
            "@" + options, "--module-path", mprocJar.toString(), "--add-modules", MPROC_MODULE,
            "-cp", classPathAppJar.toString(), "mixed.Main"));
        assertTrue(output.contains("LAMBDA 42 false " + MPROC_MODULE), output::toString);
        assertTrue(output.contains("EXIT 3"), output::toString);
        assertTrue(output.contains("OPENED true"), output::toString);
    }

    /**
     * The caches of a module-path parent's children are made with its module options, which
     * they map; a parent with another module path, and a class path one (this JVM), get other
     * caches.
     */
    @Test
    void aModulePathParentsChildrenMapStartupCachesMadeForItsModules() throws Exception {
        Path caches = work.resolve("caches");
        Path coldLog = work.resolve("cold-aot.log");
        Path standbyLog = work.resolve("standby-aot.log");
        List<String> output = runJava(List.of("--enable-native-access=" + MPROC_MODULE,
            "-Dmproc.process.startupCache=" + caches, "--module-path", mprocJar + ":" + appJar,
            "-m", "mproc.demo/mproc.demo.Main", "cache", coldLog.toString(), standbyLog.toString()));
        assertTrue(output.contains("COLD 42"), output::toString);
        assertTrue(output.contains("STANDBY mproc.demo " + MPROC_MODULE), output::toString);
        String cold = valueOf("CACHE ", output);
        String coldAot = Files.readString(coldLog);
        assertTrue(coldAot.contains("Opened AOT cache " + cold), coldAot);
        assertTrue(coldAot.contains("full module graph: enabled"), coldAot);
        String standbyAot = Files.readString(standbyLog);
        assertTrue(standbyAot.contains("Opened AOT cache " + cold.replace("-cold.aot", "-standby.aot")), standbyAot);
        assertTrue(standbyAot.contains("full module graph: enabled"), standbyAot);

        String other = valueOf("LOCATION ", runJava(List.of("--enable-native-access=" + MPROC_MODULE,
            "-Dmproc.process.startupCache=" + caches, "--module-path", mprocJar.toString(),
            "--add-modules", MPROC_MODULE, "-cp", classPathAppJar.toString(), "mixed.Main", "location")));
        assertEquals(Path.of(cold).getParent(), Path.of(other).getParent());
        assertNotEquals(cold, other);
        assertNotEquals(Path.of(cold).getFileName(), StartupCache.location().orElseThrow().getFileName());
    }

    private static String valueOf(String prefix, List<String> output) {
        return output.stream().filter(line -> line.startsWith(prefix)).map(line -> line.substring(prefix.length()))
            .findFirst().orElseThrow(() -> new AssertionError("no line " + prefix + "in " + output));
    }

    /**
     * Runs {@code java options} to its end (the children it starts end with it) and returns its
     * output lines; fails unless it exits with 0 within {@link #TIMEOUT}.
     */
    private static List<String> runJava(List<String> options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String root = System.getProperty("mproc.dir");
        if (root != null) {
            command.add("-Dmproc.dir=" + root);
        }
        command.addAll(options);
        Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
        java.getOutputStream().close();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Thread pump = Thread.ofPlatform().daemon().start(() -> copy(java.getInputStream(), output));
        if (!java.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            java.descendants().forEach(ProcessHandle::destroyForcibly);
            java.destroyForcibly().waitFor();
        }
        pump.join(5_000);
        String text = output.toString(StandardCharsets.UTF_8);
        assertEquals(0, java.exitValue(), () -> String.join(" ", command) + "\n" + text);
        return text.lines().toList();
    }

    private static void copy(InputStream in, OutputStream out) {
        try (in) {
            in.transferTo(out);
        } catch (IOException closed) {
            // the process ended
        }
    }

    private static Path mprocClasses() {
        try {
            return Path.of(JvmProcess.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Compiles {@code sources} (file name → text) into a directory of classes. */
    private static Path compile(String name, Map<String, String> sources, List<String> options) throws IOException {
        Path sourceRoot = work.resolve(name + "-src");
        List<String> arguments = new ArrayList<>(options);
        arguments.addAll(List.of("-d", work.resolve(name + "-classes").toString()));
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = sourceRoot.resolve(source.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            arguments.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = javac.run(null, errors, errors, arguments.toArray(String[]::new));
        assertEquals(0, status, () -> errors.toString(StandardCharsets.UTF_8));
        return work.resolve(name + "-classes");
    }

    /** Packs the directory {@code classes} into {@code jar}. */
    private static Path jar(Path classes, Path jar, Manifest manifest) throws IOException {
        try (JarOutputStream out = manifest == null ? new JarOutputStream(Files.newOutputStream(jar))
            : new JarOutputStream(Files.newOutputStream(jar), manifest);
             Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
        return jar;
    }
}

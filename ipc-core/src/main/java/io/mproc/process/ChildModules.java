package io.mproc.process;

import io.mproc.process.internal.ChildMain;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The module configuration a child JVM gets from this JVM, as {@code java} options, so that it
 * can load what this JVM loads from the module path: the target's classes, and mproc itself
 * when it is a module here.
 *
 * <ul>
 *   <li>{@code --module-path} and {@code --upgrade-module-path}: this JVM's
 *       ({@code jdk.module.path}, {@code jdk.module.upgrade.path}), entries made absolute;</li>
 *   <li>{@code --add-modules}: every module of this JVM's boot layer but {@code java.base}, so
 *       that the child resolves at least the same modules: its main class is {@link ChildMain},
 *       so nothing else makes it resolve this JVM's main module, or what this JVM's
 *       {@code --add-modules} named ({@code ALL-MODULE-PATH} included);</li>
 *   <li>the other module-graph options of this JVM's command line ({@link LauncherArguments}:
 *       {@code --add-reads}, {@code --add-exports}, {@code --add-opens}, {@code --patch-module},
 *       {@code --limit-modules}, {@code --enable-native-access}, ...), except those mproc gives
 *       every child anyway ({@link Launcher#MPROC_FLAGS});</li>
 *   <li>{@code --enable-native-access=<mproc's module>} when mproc is a named module (it calls
 *       {@code futex} and {@code kill} through the FFM API).</li>
 * </ul>
 * A JVM with no module path, no upgrade module path, none of those options and mproc in the
 * unnamed module (a plain class path program) gives none.
 *
 * <p>The child's main class is mproc's, named by its module when mproc is one
 * ({@link #mainClass}); the target's classes are loaded by name through the application class
 * loader, which finds them in the child's modules or on its class path. mproc must be in the
 * boot layer: a module layer the application builds at run time cannot be re-created in
 * another JVM.
 */
final class ChildModules {
    private ChildModules() {
    }

    private static List<String> current;

    /**
     * This JVM's, worked out once: it does not change while the JVM runs.
     *
     * @throws IllegalStateException as {@link #of} does
     */
    static synchronized List<String> options() {
        if (current == null) {
            current = of(System.getProperty("jdk.module.path"), System.getProperty("jdk.module.upgrade.path"),
                bootModuleNames(), LauncherArguments.current(), ChildMain.class.getModule());
        }
        return current;
    }

    /**
     * The options for a JVM with {@code modulePath} and {@code upgradeModulePath} (null or empty
     * when not set), boot layer modules {@code bootModules}, launched with {@code arguments}, in
     * which mproc's classes are in {@code mproc}.
     *
     * @throws IllegalStateException when mproc is a named module outside the boot layer: a child
     *                               JVM cannot re-create the layer it lives in
     */
    static List<String> of(String modulePath, String upgradeModulePath, Set<String> bootModules,
                           List<String> arguments, Module mproc) {
        if (mproc.isNamed() && mproc.getLayer() != ModuleLayer.boot()) {
            throw new IllegalStateException("mproc's module " + mproc.getName() + " is in a module layer of the "
                + "application's own: a child JVM can load mproc only from its class path or module path");
        }
        Set<String> forwarded = new LinkedHashSet<>(LauncherArguments.moduleGraphOptions(arguments));
        forwarded.removeAll(Launcher.MPROC_FLAGS);
        // Replaced by the boot layer's modules, which also name the main module.
        boolean addedModules = forwarded.removeIf(option -> option.startsWith("--add-modules="));
        boolean modulePathSet = modulePath != null && !modulePath.isEmpty();
        boolean upgradeSet = upgradeModulePath != null && !upgradeModulePath.isEmpty();
        if (!modulePathSet && !upgradeSet && !addedModules && forwarded.isEmpty() && !mproc.isNamed()) {
            return List.of();
        }
        List<String> options = new ArrayList<>();
        if (modulePathSet) {
            options.add("--module-path=" + absolute(modulePath));
        }
        if (upgradeSet) {
            options.add("--upgrade-module-path=" + absolute(upgradeModulePath));
        }
        // A class-path parent's boot layer is the default roots' closure, which a child whose
        // main class is named alone resolves anyway: its roots need naming only when a module
        // path, --add-modules or mproc as a module made them differ from the default.
        // java.base is always resolved; naming it would only lengthen the command line.
        Set<String> roots = new TreeSet<>(bootModules);
        roots.remove("java.base");
        if (!roots.isEmpty() && (modulePathSet || upgradeSet || addedModules || mproc.isNamed())) {
            options.add("--add-modules=" + String.join(",", roots));
        }
        for (String option : forwarded) {
            options.add(option.startsWith("--patch-module=") ? absolutePatch(option) : option);
        }
        String nativeAccess = "--enable-native-access=" + mproc.getName();
        if (mproc.isNamed() && !forwarded.contains(nativeAccess)) {
            options.add(nativeAccess);
        }
        return List.copyOf(options);
    }

    /**
     * How a child's command line names its main class {@code main}, one of mproc's: by module
     * when mproc is one, so that the child's root modules are exactly those
     * {@link #options()} adds (a main class named alone also makes the JVM resolve every module
     * of the JDK that exports an API), and its boot layer is this JVM's, generation after
     * generation.
     */
    static List<String> mainClass(Class<?> main) {
        Module module = main.getModule();
        return module.isNamed() ? List.of("--module", module.getName() + "/" + main.getName())
            : List.of(main.getName());
    }

    private static Set<String> bootModuleNames() {
        Set<String> names = new TreeSet<>();
        ModuleLayer.boot().modules().forEach(module -> names.add(module.getName()));
        return names;
    }

    /** A {@code --patch-module=module=path} option with its path made absolute. */
    private static String absolutePatch(String option) {
        String value = option.substring("--patch-module=".length());
        int equals = value.indexOf('=');
        return equals < 0 ? option
            : "--patch-module=" + value.substring(0, equals + 1) + absolute(value.substring(equals + 1));
    }

    /** {@code path} with every entry absolute (the child's working directory may differ). */
    private static String absolute(String path) {
        List<String> entries = new ArrayList<>();
        for (String entry : path.split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                entries.add(Path.of(entry).toAbsolutePath().normalize().toString());
            }
        }
        return String.join(File.pathSeparator, entries);
    }
}

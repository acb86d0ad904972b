package io.mproc.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The module options a child JVM gets for a given parent (no JVM started: the rules alone). */
class ChildModulesTest {
    private static final Module UNNAMED = ChildModulesTest.class.getModule();
    private static final Set<String> BOOT = Set.of("java.base", "java.logging", "jdk.unsupported");

    @Test
    void aClassPathParentWithoutModuleOptionsGivesItsChildrenNone() {
        assertEquals(List.of(), ChildModules.of(null, null, BOOT, List.of("-cp", "app.jar", "Main"), UNNAMED));
    }

    @Test
    void aClassPathParentsOpensAreForwardedWithoutNamingEveryBootModule() {
        assertEquals(List.of("--add-opens=java.base/java.lang=ALL-UNNAMED"), ChildModules.of(null, null, BOOT,
            List.of("--add-opens", "java.base/java.lang=ALL-UNNAMED", "-cp", "app.jar", "Main"), UNNAMED));
    }

    @Test
    void aModulePathParentGivesItsAbsoluteModulePathAndItsBootModulesAsRoots() {
        List<String> options = ChildModules.of("mods" + File.pathSeparator + "lib/x.jar", null, BOOT,
            List.of("-p", "mods", "-m", "app/app.Main"), UNNAMED);
        String modulePath = Path.of("mods").toAbsolutePath().normalize() + File.pathSeparator
            + Path.of("lib/x.jar").toAbsolutePath().normalize();
        assertEquals(List.of("--module-path=" + modulePath, "--add-modules=java.logging,jdk.unsupported"), options);
    }

    @Test
    void aPatchedModulesRelativePathIsMadeAbsoluteForAChildInAnotherDirectory() {
        List<String> options = ChildModules.of(null, null, BOOT,
            List.of("--patch-module", "java.logging=patches/logging", "-cp", "app.jar", "Main"), UNNAMED);
        assertEquals(List.of("--patch-module=java.logging=" + Path.of("patches/logging").toAbsolutePath().normalize()),
            options);
        assertTrue(Path.of(options.getFirst().substring(options.getFirst().lastIndexOf('=') + 1)).isAbsolute());
    }
}

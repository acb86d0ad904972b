package io.mproc.process;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which options of a parent's command line a child JVM gets as well, and how they are read. */
class LauncherArgumentsTest {
    @TempDir
    Path directory;

    @Test
    void moduleGraphOptionsAreFoundInBothFormsAndGivenInTheEqualsForm() {
        List<String> found = LauncherArguments.moduleGraphOptions(List.of("-Xmx64m", "--add-opens",
            "java.base/java.lang=ALL-UNNAMED", "--add-exports=java.base/sun.nio.ch=app", "-p", "mods",
            "--add-modules", "app", "--enable-native-access=app", "--enable-preview", "-cp", "lib.jar",
            "--add-reads", "app=ALL-UNNAMED", "app.Main"));
        assertEquals(List.of("--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-exports=java.base/sun.nio.ch=app",
            "--add-modules=app", "--enable-native-access=app", "--enable-preview", "--add-reads=app=ALL-UNNAMED"),
            found);
    }

    @Test
    void theProgramsOwnArgumentsAreNotOptions() {
        assertEquals(List.of("--add-opens=a/b=c"), LauncherArguments.moduleGraphOptions(List.of("--add-opens", "a/b=c",
            "-m", "app/app.Main", "--add-opens", "x/y=z")));
        assertEquals(List.of(), LauncherArguments.moduleGraphOptions(List.of("-jar", "app.jar", "--add-opens=x/y=z")));
        assertEquals(List.of(), LauncherArguments.moduleGraphOptions(List.of("-cp", "--add-opens=x/y=z", "Main",
            "--add-reads=a=b")));
        assertEquals(List.of(), LauncherArguments.moduleGraphOptions(List.of("--module=app/app.Main",
            "--add-opens=x/y=z")));
    }

    @Test
    void anArgumentFileIsExpandedWhereItStands() throws Exception {
        Path file = directory.resolve("options");
        Files.writeString(file, """
            # the module options
            --add-opens java.base/java.lang=ALL-UNNAMED
              "--add-exports=java.base/sun.nio.ch=my app"   -p 'mods dir'
            """);
        List<String> found = LauncherArguments.moduleGraphOptions(List.of("-Xss1m", "@" + file, "--add-reads=a=b",
            "Main", "--add-opens=x/y=z"));
        assertEquals(List.of("--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-exports=java.base/sun.nio.ch=my app",
            "--add-reads=a=b"), found);
    }

    @Test
    void argumentFilesSplitAsTheLauncherSplitsThem() {
        assertEquals(List.of("-cp", "a b.jar", "x\ty", "#not-a-comment", "c"),
            LauncherArguments.split("-cp \"a b.jar\" 'x\\ty' #comment here\n  \"#not-a-comment\" c # end"));
        assertEquals(List.of("--add-modules=a,b"), LauncherArguments.split("\"--add-modules=a,\\\n    b\""));
    }

    @Test
    void argumentFilesAreNotExpandedAfterDisableAtFiles() throws Exception {
        Path file = directory.resolve("options");
        Files.writeString(file, "--add-opens=x/y=z");
        assertEquals(List.of(), LauncherArguments.moduleGraphOptions(List.of("--disable-@files", "@" + file)));
    }

    @Test
    void anArgumentFileAsAnOptionsValueIsExpandedAsTheLauncherDoes() throws Exception {
        Path file = directory.resolve("value");
        Files.writeString(file, "java.base/java.lang=ALL-UNNAMED");
        assertEquals(List.of("--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-reads=a=b"),
            LauncherArguments.moduleGraphOptions(List.of("--add-opens", "@" + file, "--add-reads=a=b", "Main")));
    }

    @Test
    void anArgumentFileGoneSinceLaunchGivesNoOptionsAndNoFailure() {
        Path gone = directory.resolve("deleted-by-the-ide");
        assertEquals(List.of("--add-reads=a=b"),
            LauncherArguments.moduleGraphOptions(List.of("@" + gone, "--add-reads=a=b", "Main")));
    }
}

package io.mproc.process;

import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How a child JVM is launched, beyond what mproc always does (the parent's {@code java}, class
 * path, module configuration and mproc's own flags, see {@link JvmProcessBuilder}): extra JVM
 * options, system properties, environment variables, working directory, and where standard
 * output and error go. Immutable; the {@code with...} methods return changed copies.
 *
 * <p>Defaults: no extra options or properties, the parent's environment and working
 * directory, and standard output and error inherited from the parent (Python's default). The
 * child's standard input is always mproc's lifeline pipe, and reads as empty in the child.
 *
 * @param jvmOptions       options placed before the main class, such as {@code -Xmx256m}
 * @param systemProperties {@code -Dkey=value} properties
 * @param environment      variables added to (or replacing those of) the parent's environment
 * @param workingDirectory the child's working directory, or null for the parent's
 * @param stdout           {@link Redirect#INHERIT}, {@link Redirect#DISCARD} or a file
 *                         ({@link Redirect#to}, {@link Redirect#appendTo})
 * @param stderr           as {@code stdout}
 */
public record LaunchSettings(List<String> jvmOptions, Map<String, String> systemProperties,
                             Map<String, String> environment, Path workingDirectory, Redirect stdout,
                             Redirect stderr) {

    private static final LaunchSettings DEFAULTS = new LaunchSettings(List.of(), Map.of(), Map.of(), null,
        Redirect.INHERIT, Redirect.INHERIT);

    /** Checks and copies; see the record's description for what each component may be. */
    public LaunchSettings {
        jvmOptions = List.copyOf(jvmOptions);
        systemProperties = Collections.unmodifiableMap(new TreeMap<>(systemProperties));
        environment = Collections.unmodifiableMap(new TreeMap<>(environment));
        requireOutput("stdout", stdout);
        requireOutput("stderr", stderr);
        for (String option : jvmOptions) {
            if (option.isBlank()) {
                throw new IllegalArgumentException("jvmOptions=" + jvmOptions + " (expected: no blank option)");
            }
        }
    }

    /** The defaults: nothing extra, output inherited. */
    public static LaunchSettings defaults() {
        return DEFAULTS;
    }

    /** With {@code options} added after the current ones. */
    public LaunchSettings withJvmOptions(String... options) {
        List<String> all = new ArrayList<>(jvmOptions);
        all.addAll(Arrays.asList(options));
        return new LaunchSettings(all, systemProperties, environment, workingDirectory, stdout, stderr);
    }

    /** With the system property {@code key} set to {@code value}. */
    public LaunchSettings withSystemProperty(String key, String value) {
        Map<String, String> all = new TreeMap<>(systemProperties);
        all.put(requireKey("system property", key), Objects.requireNonNull(value, "value"));
        return new LaunchSettings(jvmOptions, all, environment, workingDirectory, stdout, stderr);
    }

    /** With the environment variable {@code name} set to {@code value}. */
    public LaunchSettings withEnvironment(String name, String value) {
        Map<String, String> all = new TreeMap<>(environment);
        all.put(requireKey("environment variable", name), Objects.requireNonNull(value, "value"));
        return new LaunchSettings(jvmOptions, systemProperties, all, workingDirectory, stdout, stderr);
    }

    /** With {@code directory} as the working directory. */
    public LaunchSettings withWorkingDirectory(Path directory) {
        return new LaunchSettings(jvmOptions, systemProperties, environment, Objects.requireNonNull(directory,
            "directory"), stdout, stderr);
    }

    /** With standard output going to {@code output}. */
    public LaunchSettings withStdout(Redirect output) {
        return new LaunchSettings(jvmOptions, systemProperties, environment, workingDirectory, output, stderr);
    }

    /** With standard error going to {@code output}. */
    public LaunchSettings withStderr(Redirect output) {
        return new LaunchSettings(jvmOptions, systemProperties, environment, workingDirectory, stdout, output);
    }

    /** The working directory, if one is set. */
    public Optional<Path> workingDirectoryIfSet() {
        return Optional.ofNullable(workingDirectory);
    }

    /** These settings with other system properties: what a standby JVM can still take on. */
    LaunchSettings withoutSystemProperties() {
        return new LaunchSettings(jvmOptions, Map.of(), environment, workingDirectory, stdout, stderr);
    }

    private static void requireOutput(String which, Redirect redirect) {
        Objects.requireNonNull(redirect, which);
        boolean allowed = redirect == Redirect.INHERIT || redirect == Redirect.DISCARD
            || redirect.type() == Redirect.Type.WRITE || redirect.type() == Redirect.Type.APPEND;
        if (!allowed) {
            throw new IllegalArgumentException(which + "=" + redirect
                + " (expected: Redirect.INHERIT, Redirect.DISCARD or a file)");
        }
    }

    private static String requireKey(String what, String key) {
        if (key == null || key.isEmpty() || key.indexOf('=') >= 0) {
            throw new IllegalArgumentException(what + " name=\"" + key + "\" (expected: non-empty, no '=')");
        }
        return key;
    }
}

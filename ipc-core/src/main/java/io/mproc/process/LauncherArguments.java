package io.mproc.process;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the options of a {@code java} launcher command line that shape the module graph, so that
 * a child JVM can be given the same: {@code --add-modules}, {@code --add-reads}, {@code --add-exports},
 * {@code --add-opens}, {@code --patch-module}, {@code --limit-modules},
 * {@code --enable-native-access}, {@code --illegal-native-access} and {@code --enable-preview}
 * (a class compiled with preview features does not load without it).
 *
 * <p>The options end where the launcher's do: at the main class (or source file),
 * {@code -m}/{@code --module} or {@code -jar}; what follows belongs to the program. An argument
 * file ({@code @file}) among the options is expanded as the launcher does: tokens separated by
 * white space, single or double quotes around a token with spaces, backslash escapes inside
 * quotes, a {@code #} where a token would start comments out the rest of the line; {@code @@x} is the literal
 * {@code @x}, and {@code --disable-@files} stops the expansion. Options taken from the
 * {@code JDK_JAVA_OPTIONS} environment variable are not on the command line: a child inherits
 * the variable itself.
 */
final class LauncherArguments {
    private LauncherArguments() {
    }

    /** The options a child must be given as well (in {@code --option=value} form when they take a value). */
    private static final Set<String> MODULE_GRAPH = Set.of("--add-modules", "--add-reads", "--add-exports",
        "--add-opens", "--patch-module", "--limit-modules", "--enable-native-access", "--illegal-native-access");

    /** Options followed by a separate value. */
    private static final Set<String> WITH_VALUE = Set.of("-cp", "-classpath", "--class-path", "-p",
        "--module-path", "--upgrade-module-path", "--add-modules", "--add-reads", "--add-exports", "--add-opens",
        "--patch-module", "--limit-modules", "--enable-native-access", "--source", "-d", "--describe-module");

    /** Options after which the launcher's options end. */
    private static final Set<String> LAST = Set.of("-m", "--module", "-jar");

    /**
     * This JVM's command line without the executable, read from {@code /proc/self/cmdline}
     * ({@link ProcessHandle.Info#arguments()} gives none once it is longer than a page, as a
     * long class path makes it); empty when the JVM was not started by the {@code java}
     * launcher (a native launcher's arguments are its program's, not JVM options).
     */
    static List<String> current() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(Path.of("/proc/self/cmdline"));
        } catch (IOException | RuntimeException unreadable) {
            return List.of();
        }
        List<String> all = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                all.add(new String(bytes, start, i - start, nativeCharset()));
                start = i + 1;
            }
        }
        if (all.isEmpty() || !all.getFirst().equals("java") && !all.getFirst().endsWith("/java")) {
            return List.of();
        }
        return all.subList(1, all.size());
    }

    /** The module-graph options among {@code arguments} (the command line without the {@code java} executable). */
    static List<String> moduleGraphOptions(List<String> arguments) {
        List<String> found = new ArrayList<>();
        List<String> pending = new ArrayList<>(arguments);
        boolean expandFiles = true;
        for (int i = 0; i < pending.size(); i++) {
            if (expandFiles) {
                expandAt(pending, i);
            }
            if (i >= pending.size()) {
                break;
            }
            String argument = pending.get(i);
            if (!argument.startsWith("-") || LAST.contains(argument) || argument.startsWith("--module=")) {
                break;
            }
            if (argument.equals("--disable-@files")) {
                expandFiles = false;
                continue;
            }
            int equals = argument.indexOf('=');
            String name = equals > 0 && argument.startsWith("--") ? argument.substring(0, equals) : argument;
            String value;
            if (equals > 0 && argument.startsWith("--")) {
                value = argument.substring(equals + 1);
            } else if (WITH_VALUE.contains(argument) && i + 1 < pending.size()) {
                if (expandFiles) {
                    expandAt(pending, i + 1); // the launcher expands a value's @file too
                }
                value = i + 1 < pending.size() ? pending.get(++i) : null;
            } else {
                value = null;
            }
            if (argument.equals("--enable-preview")) {
                found.add(argument);
            } else if (MODULE_GRAPH.contains(name) && value != null) {
                found.add(name + "=" + value);
            }
        }
        return found;
    }

    /**
     * Replaces an argument file at {@code index} by its arguments (the launcher does not expand
     * files named inside files). One that cannot be read any more (a tool may delete it once
     * the JVM started) gives none, with a warning: its module options do not reach children.
     */
    private static void expandAt(List<String> pending, int index) {
        if (index >= pending.size()) {
            return;
        }
        String argument = pending.get(index);
        if (!argument.startsWith("@") || argument.startsWith("@@")) {
            return;
        }
        pending.remove(index);
        Path file = Path.of(argument.substring(1));
        try {
            pending.addAll(index, readArgumentFile(file));
        } catch (IOException unreadable) {
            System.getLogger(LauncherArguments.class.getName()).log(System.Logger.Level.WARNING,
                "mproc cannot read the argument file " + file.toAbsolutePath() + " of this JVM's command line ("
                    + unreadable + "): module options in it (--add-opens, --add-exports, ...) will not reach "
                    + "child JVMs; give them directly on the command line");
        }
    }

    /** The arguments in an argument file, split as the launcher splits them. */
    static List<String> readArgumentFile(Path file) throws IOException {
        return split(Files.readString(file, nativeCharset()));
    }

    /** The encoding of command lines and argument files: the platform's. */
    private static Charset nativeCharset() {
        try {
            return Charset.forName(System.getProperty("native.encoding", "UTF-8"));
        } catch (RuntimeException unsupported) {
            return StandardCharsets.UTF_8;
        }
    }

    /** Splits the text of an argument file into arguments. */
    static List<String> split(String text) {
        List<String> arguments = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inToken = false;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && i + 1 < text.length()) {
                    char escaped = text.charAt(++i);
                    switch (escaped) {
                        case 'n' -> current.append('\n');
                        case 't' -> current.append('\t');
                        case 'r' -> current.append('\r');
                        case 'f' -> current.append('\f');
                        case '\n', '\r' -> {
                            // a line continued: the next line's leading white space is dropped
                            while (i + 1 < text.length() && Character.isWhitespace(text.charAt(i + 1))) {
                                i++;
                            }
                        }
                        default -> current.append(escaped);
                    }
                } else {
                    current.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inToken = true;
            } else if (Character.isWhitespace(c)) {
                if (inToken) {
                    arguments.add(current.toString());
                    current.setLength(0);
                    inToken = false;
                }
            } else if (c == '#' && !inToken) {
                while (i + 1 < text.length() && text.charAt(i + 1) != '\n' && text.charAt(i + 1) != '\r') {
                    i++;
                }
            } else {
                current.append(c);
                inToken = true;
            }
        }
        if (inToken) {
            arguments.add(current.toString());
        }
        return arguments;
    }
}

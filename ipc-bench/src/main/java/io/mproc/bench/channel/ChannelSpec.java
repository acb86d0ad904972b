package io.mproc.bench.channel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What both sides need to find the same channel: a directory for its shared files (one per
 * run, under /dev/shm), an id unique in that directory, the payload size, and free-form
 * options for channel-specific settings (e.g. a wait strategy). It travels to the peer JVM as
 * command-line arguments.
 */
public record ChannelSpec(Path dir, String id, int payloadBytes, Map<String, String> options) {

    public ChannelSpec {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(id, "id");
        if (payloadBytes < 0) {
            throw new IllegalArgumentException("payload " + payloadBytes);
        }
        if (id.isEmpty() || id.contains("/") || id.contains("=") || id.contains(" ")) {
            throw new IllegalArgumentException("id must be a plain file name: " + id);
        }
        options = Map.copyOf(options);
    }

    public ChannelSpec(Path dir, String id, int payloadBytes) {
        this(dir, id, payloadBytes, Map.of());
    }

    /** A file of this channel in the run's directory: {@code <dir>/<id><suffix>}. */
    public Path file(String suffix) {
        return dir.resolve(id + suffix);
    }

    public String option(String key, String fallback) {
        return options.getOrDefault(key, fallback);
    }

    /** The spec as {@code key=value} arguments; options become {@code opt.key=value}. */
    public List<String> toArgs() {
        List<String> args = new ArrayList<>();
        args.add("dir=" + dir);
        args.add("id=" + id);
        args.add("payload=" + payloadBytes);
        new TreeMap<>(options).forEach((key, value) -> args.add("opt." + key + "=" + value));
        return args;
    }

    /** The spec from parsed {@code key=value} arguments (see {@link #toArgs()}). */
    public static ChannelSpec fromArgs(Map<String, String> args) {
        Map<String, String> options = new TreeMap<>();
        args.forEach((key, value) -> {
            if (key.startsWith("opt.")) {
                options.put(key.substring(4), value);
            }
        });
        return new ChannelSpec(Path.of(required(args, "dir")), required(args, "id"),
            Integer.parseInt(required(args, "payload")), options);
    }

    private static String required(Map<String, String> args, String key) {
        String value = args.get(key);
        if (value == null) {
            throw new IllegalArgumentException("missing " + key + "=... in " + args);
        }
        return value;
    }
}

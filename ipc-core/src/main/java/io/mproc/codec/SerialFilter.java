package io.mproc.codec;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.NotSerializableException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamException;
import java.io.Serial;
import java.io.Serializable;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The {@link ObjectInputFilter} behind every Java deserialization of queue and pipe elements.
 * (The targets, arguments, results and exceptions that a process or pool sends between a
 * parent and its children are read behind {@code io.mproc.process.ProcessSerialization}'s
 * filter instead: a lambda target and the user's own argument classes must pass there without
 * configuration.)
 *
 * <p><b>Allowed by default</b> ({@link #standard()}):
 * <ul>
 *   <li>JDK value types: boxed primitives, {@code String}, {@code java.math.BigInteger} and
 *       {@code BigDecimal}, everything in {@code java.time}, {@code UUID}, {@code Date},
 *       {@code BitSet}, and the {@code java.util} collections (array and linked lists, hash
 *       and tree maps and sets, deques, {@code EnumMap}/{@code EnumSet}, the immutable
 *       {@code List.of}/{@code Map.of} forms, the {@code Collections} wrappers, the concurrent
 *       maps and lists). A collection's elements are checked in turn, so a map cannot smuggle in
 *       a class that is not itself allowed.</li>
 *   <li>arrays of allowed types, and of primitives;</li>
 *   <li>enums (deserialized by name through {@code valueOf}: no code of theirs runs);</li>
 *   <li>records whose component types are all allowed (or primitives, or interfaces of
 *       {@code java.*}, such as {@code List} or {@code Object}, whose values are checked when
 *       they are read);</li>
 *   <li>so mproc's own handles (records of names and codecs) and built-in codecs (enums and
 *       records) pass, as does this class; interfaces of {@code io.mproc} (such as
 *       {@link Codec}) count as open declared types, like those of {@code java.*};</li>
 *   <li>mproc's shared objects: classes of {@code io.mproc} that declare {@code writeReplace}
 *       (they travel as a handle record; the JDK also filters what the handle's
 *       {@code readResolve} returns).</li>
 * </ul>
 * Everything else is refused unless a user pattern ({@link #allowing(String...)}) allows it.
 * User patterns use the JDK's syntax ({@link ObjectInputFilter.Config#createFilter}):
 * {@code com.example.Trade}, {@code com.example.*} (a package), {@code com.example.**} (and its
 * sub-packages), a leading {@code !} to refuse; they are consulted first, in order.
 *
 * <p><b>Why it is safe.</b> The filter sees each class descriptor (and each superclass's)
 * before an instance is made, so a refused class's constructor and {@code readObject} never
 * run; dynamic proxies are refused (their class matches nothing). It also bounds the graph:
 * depth {@value #MAX_DEPTH}, {@value #MAX_REFERENCES} references, arrays of at most
 * {@value #MAX_ARRAY_LENGTH} elements.
 *
 * <p>Immutable and thread-safe; serializable (it travels inside codec and queue handles).
 */
public final class SerialFilter implements ObjectInputFilter, Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Deepest object graph accepted. */
    public static final int MAX_DEPTH = 100;
    /** Most object references in one stream. */
    public static final long MAX_REFERENCES = 10_000_000;
    /** Longest array accepted. */
    public static final long MAX_ARRAY_LENGTH = 1L << 30;

    private static final Set<String> JDK_VALUE_CLASSES = Set.of(
        "java.lang.Boolean", "java.lang.Byte", "java.lang.Short", "java.lang.Integer", "java.lang.Long",
        "java.lang.Float", "java.lang.Double", "java.lang.Character", "java.lang.String", "java.lang.Number",
        "java.lang.Enum", "java.lang.Object" /* as an array's component type */, "java.math.BigInteger", "java.math.BigDecimal",
        "java.util.ArrayList", "java.util.LinkedList", "java.util.HashMap", "java.util.LinkedHashMap",
        "java.util.TreeMap", "java.util.HashSet", "java.util.LinkedHashSet", "java.util.TreeSet",
        "java.util.ArrayDeque", "java.util.Vector", "java.util.Hashtable", "java.util.IdentityHashMap",
        "java.util.EnumMap", "java.util.EnumSet$SerializationProxy", "java.util.RegularEnumSet",
        "java.util.JumboEnumSet", "java.util.CollSer",
        "java.util.UUID", "java.util.Date", "java.util.BitSet", "java.util.Arrays$ArrayList",
        "java.util.Collections$EmptyList", "java.util.Collections$EmptySet", "java.util.Collections$EmptyMap",
        "java.util.Collections$SingletonList", "java.util.Collections$SingletonSet",
        "java.util.Collections$SingletonMap", "java.util.Collections$ReverseComparator",
        "java.util.concurrent.ConcurrentHashMap", "java.util.concurrent.ConcurrentHashMap$Segment",
        "java.util.concurrent.CopyOnWriteArrayList", "java.util.concurrent.ConcurrentLinkedQueue",
        "java.util.concurrent.ConcurrentSkipListMap", "java.util.concurrent.ConcurrentSkipListSet",
        // ConcurrentHashMap's serial form still writes its old Segments, which are ReentrantLocks.
        "java.util.concurrent.locks.ReentrantLock", "java.util.concurrent.locks.ReentrantLock$Sync",
        "java.util.concurrent.locks.ReentrantLock$NonfairSync",
        "java.util.concurrent.locks.AbstractQueuedSynchronizer",
        "java.util.concurrent.locks.AbstractOwnableSynchronizer", SerialFilter.class.getName());
    /** Prefixes of allowed names; the immutable collections are what their serial proxy resolves to. */
    private static final List<String> JDK_VALUE_PREFIXES = List.of(
        "java.time.", "java.util.ImmutableCollections$", "java.util.Collections$Unmodifiable", "java.util.Collections$Synchronized",
        "java.util.Collections$Checked");

    private static final SerialFilter STANDARD = new SerialFilter(List.of());

    /** User patterns, consulted before the defaults. */
    @SuppressWarnings("serial") // always a List.copyOf, which is serializable
    private final List<String> patterns;
    private final transient ObjectInputFilter userFilter;

    private SerialFilter(List<String> patterns) {
        this.patterns = List.copyOf(patterns);
        this.userFilter = patterns.isEmpty() ? null : ObjectInputFilter.Config.createFilter(String.join(";", patterns));
    }

    /** The default allow-list described in the class comment. */
    public static SerialFilter standard() {
        return STANDARD;
    }

    /**
     * This filter plus {@code morePatterns} (JDK filter syntax, see the class comment), which
     * are consulted before the defaults and before this filter's earlier patterns' fall-through.
     *
     * @throws IllegalArgumentException naming a pattern the JDK cannot parse
     */
    public SerialFilter allowing(String... morePatterns) {
        List<String> all = new ArrayList<>(patterns);
        for (String pattern : morePatterns) {
            Objects.requireNonNull(pattern, "pattern");
            if (pattern.isBlank() || pattern.contains(";")) {
                throw new IllegalArgumentException("pattern=\"" + pattern
                    + "\" (expected: one class, package.* or package.** pattern, no ';')");
            }
            all.add(pattern.strip());
        }
        return new SerialFilter(all);
    }

    /** This filter plus exactly these classes. */
    public SerialFilter allowing(Class<?>... classes) {
        return allowing(Arrays.stream(classes).map(Class::getName).toArray(String[]::new));
    }

    /** The user patterns, in the order they are consulted. */
    public List<String> patterns() {
        return patterns;
    }

    @Override
    public Status checkInput(FilterInfo info) {
        if (info.depth() > MAX_DEPTH || info.references() > MAX_REFERENCES
            || info.arrayLength() > MAX_ARRAY_LENGTH) {
            return Status.REJECTED;
        }
        Class<?> type = info.serialClass();
        if (type == null) {
            return Status.UNDECIDED; // a limits-only check, passed above
        }
        return allows(type) ? Status.ALLOWED : Status.REJECTED;
    }

    /** Whether instances of {@code type} may be deserialized. */
    public boolean allows(Class<?> type) {
        if (type.isArray()) {
            // An array's elements are checked as they are read: its component type only needs
            // to be allowed or, like Map.Entry or Object, an open type of the JDK or mproc.
            return declaredTypeAllowed(type, 0);
        }
        if (userFilter != null) {
            Status decided = userFilter.checkInput(new ClassOnly(type));
            if (decided != Status.UNDECIDED) {
                return decided == Status.ALLOWED;
            }
        }
        return allowedByDefault(type, 0);
    }

    private boolean allowedByDefault(Class<?> type, int nesting) {
        String name = type.getName();
        if (JDK_VALUE_CLASSES.contains(name) || JDK_VALUE_PREFIXES.stream().anyMatch(name::startsWith)) {
            return true;
        }
        if (type.isEnum() || (type.getSuperclass() != null && type.getSuperclass().isEnum())) {
            return true;
        }
        if (type.isRecord()) {
            return componentsAllowed(type, nesting);
        }
        return isSharedObject(type);
    }

    /**
     * A shared object of mproc (queue, pipe end, lock, ...): it travels as a handle record
     * (through its {@code writeReplace}), and the JDK filters the object the handle's
     * {@code readResolve} returns, too.
     */
    private static boolean isSharedObject(Class<?> type) {
        for (Class<?> c = type; c != null && c.getName().startsWith("io.mproc."); c = c.getSuperclass()) {
            try {
                c.getDeclaredMethod("writeReplace");
                return true;
            } catch (NoSuchMethodException notHere) {
                // look at the superclass
            }
        }
        return false;
    }

    private boolean componentsAllowed(Class<?> record, int nesting) {
        if (nesting > 16) {
            return false;
        }
        for (RecordComponent component : record.getRecordComponents()) {
            if (!declaredTypeAllowed(component.getType(), nesting + 1)) {
                return false;
            }
        }
        return true;
    }

    /** A component's declared type: its values' runtime classes are checked again when read. */
    private boolean declaredTypeAllowed(Class<?> type, int nesting) {
        while (type.isArray()) {
            type = type.getComponentType();
        }
        if (type.isPrimitive()) {
            return true;
        }
        // A Class value is written as its class descriptor, which is itself checked when read.
        boolean openJdkType = (type.isInterface() || Modifier.isAbstract(type.getModifiers()) || type == Object.class
            || type == Class.class)
            && (type.getName().startsWith("java.") || type.getName().startsWith("io.mproc."));
        if (openJdkType) {
            return true;
        }
        if (userFilter != null) {
            Status decided = userFilter.checkInput(new ClassOnly(type));
            if (decided != Status.UNDECIDED) {
                return decided == Status.ALLOWED;
            }
        }
        return allowedByDefault(type, nesting);
    }

    /**
     * Reads one object from {@code length} bytes at {@code offset}, through this filter.
     *
     * @throws CodecException naming the refused class, or saying why the bytes are bad
     */
    public Object deserialize(byte[] bytes, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        String[] refused = new String[1];
        ObjectInputFilter recording = info -> {
            Status status = checkInput(info);
            if (status == Status.REJECTED && refused[0] == null) {
                refused[0] = info.serialClass() != null ? "class " + info.serialClass().getName()
                    : "a graph over the limits (depth " + info.depth() + ", references " + info.references()
                        + ", array length " + info.arrayLength() + ")";
            }
            return status;
        };
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes, offset, length))) {
            in.setObjectInputFilter(recording);
            return in.readObject();
        } catch (InvalidClassException rejected) {
            if (refused[0] != null) {
                throw new CodecException(refused[0] + " is not allowed by the SerialFilter (refused before any of"
                    + " its code ran; allow it with SerialFilter.standard().allowing(\"<class or package.*>\"))",
                    rejected);
            }
            throw new CodecException("cannot deserialize: " + rejected.getMessage(), rejected);
        } catch (ClassNotFoundException missing) {
            throw new CodecException("cannot deserialize: class " + missing.getMessage() + " not found", missing);
        } catch (IOException | RuntimeException bad) {
            throw new CodecException("cannot deserialize " + length + " bytes: " + bad, bad);
        }
    }

    /**
     * Java-serializes {@code value}.
     *
     * @throws CodecException naming the class that is not serializable
     */
    public static byte[] serialize(Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        serializeInto(value, bytes);
        return bytes.toByteArray();
    }

    static void serializeInto(Object value, ByteArrayOutputStream bytes) {
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (NotSerializableException notSerializable) {
            throw new CodecException("cannot serialize " + describe(value) + ": class " + notSerializable.getMessage()
                + " is not Serializable", notSerializable);
        } catch (ObjectStreamException | RuntimeException failed) {
            throw new CodecException("cannot serialize " + describe(value) + ": " + failed, failed);
        } catch (IOException impossible) {
            throw new CodecException("cannot serialize " + describe(value) + ": " + impossible, impossible);
        }
    }

    static String describe(Object value) {
        return value == null ? "null" : "an element of class " + value.getClass().getName();
    }

    @Serial
    private Object readResolve() {
        return patterns == null || patterns.isEmpty() ? STANDARD : new SerialFilter(patterns);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SerialFilter filter && filter.patterns.equals(patterns);
    }

    @Override
    public int hashCode() {
        return patterns.hashCode();
    }

    @Override
    public String toString() {
        return patterns.isEmpty() ? "SerialFilter[standard]" : "SerialFilter[standard + " + patterns + "]";
    }

    /** Lets the JDK's pattern filter judge a class alone. */
    private record ClassOnly(Class<?> serialClass) implements FilterInfo {
        @Override
        public long arrayLength() {
            return -1;
        }

        @Override
        public long depth() {
            return 1;
        }

        @Override
        public long references() {
            return 0;
        }

        @Override
        public long streamBytes() {
            return 0;
        }
    }
}

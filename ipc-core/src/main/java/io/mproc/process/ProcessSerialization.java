package io.mproc.process;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;

/**
 * Java serialisation for everything that crosses between a parent and its child JVM: the
 * launch spec (target and arguments), return values and exceptions; and between a
 * {@code ProcessPool} and its workers: functions, arguments and results. Reading always runs
 * behind {@link #filter()}. Public so that layers built on this one (the pool) and programs
 * that hand their own values to other JVMs read them exactly as a process's are read.
 *
 * <p>The filter: the pattern in the system property {@value #FILTER_PROPERTY} when it is set
 * (the {@link ObjectInputFilter.Config#createFilter syntax}; it must then let through whatever
 * the targets, arguments and results need, including {@code java.lang.invoke.SerializedLambda}
 * for lambda targets and the handles of mproc's shared objects); otherwise size limits plus a
 * deny list of classes known as deserialisation gadgets. Both ends are processes of the same
 * user reading files only that user can write, so the default guards against accidents and
 * gadget chains rather than against a hostile peer. A JVM-wide filter
 * ({@code jdk.serialFilter}) applies as well.
 */
public final class ProcessSerialization {
    private ProcessSerialization() {
    }

    /** System property with an {@link ObjectInputFilter} pattern replacing the default. */
    public static final String FILTER_PROPERTY = "mproc.serialFilter";

    private static final String DEFAULT_PATTERN = "maxdepth=200;maxrefs=10000000;maxarray=2000000000;"
        + "!org.apache.commons.collections.functors.*;!org.apache.commons.collections4.functors.*;"
        + "!org.codehaus.groovy.runtime.*;!groovy.lang.*;!org.springframework.beans.factory.*;"
        + "!com.sun.org.apache.xalan.internal.xsltc.trax.*;!org.apache.xalan.xsltc.trax.*;"
        + "!javax.management.*;!java.rmi.server.*;!sun.rmi.*;!com.sun.rowset.*;!com.sun.jndi.*;"
        + "!bsh.*;!org.python.core.*;!clojure.*;!com.mchange.v2.c3p0.*;!org.hibernate.*";

    private static volatile ObjectInputFilter filter;

    /** The filter every read of this class runs behind. */
    public static ObjectInputFilter filter() {
        ObjectInputFilter current = filter;
        if (current == null) {
            String pattern = System.getProperty(FILTER_PROPERTY);
            current = ObjectInputFilter.Config.createFilter(
                pattern == null || pattern.isBlank() ? DEFAULT_PATTERN : pattern);
            ObjectInputFilter jvmWide = ObjectInputFilter.Config.getSerialFilter();
            if (jvmWide != null) {
                current = ObjectInputFilter.merge(current, jvmWide);
            }
            filter = current;
        }
        return current;
    }

    /** Serialises {@code value}; the exception says what could not be written. */
    public static byte[] write(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }

    /**
     * Reads one object behind {@link #filter()} and the class loader of this thread's context
     * (so that classes of the application, not only of mproc, resolve).
     *
     * @throws InvalidClassException when the filter rejects a class
     */
    public static Object read(byte[] bytes) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ContextObjectInputStream(new ByteArrayInputStream(bytes))) {
            in.setObjectInputFilter(filter());
            return in.readObject();
        }
    }

    /** Resolves classes through the thread's context class loader first. */
    private static final class ContextObjectInputStream extends ObjectInputStream {
        ContextObjectInputStream(ByteArrayInputStream in) throws IOException {
            super(in);
        }

        @Override
        protected Class<?> resolveClass(java.io.ObjectStreamClass description)
            throws IOException, ClassNotFoundException {
            ClassLoader context = Thread.currentThread().getContextClassLoader();
            if (context != null) {
                try {
                    return Class.forName(description.getName(), false, context);
                } catch (ClassNotFoundException notThere) {
                    // fall back to the default resolution (primitives, the latest user-defined loader)
                }
            }
            return super.resolveClass(description);
        }
    }
}

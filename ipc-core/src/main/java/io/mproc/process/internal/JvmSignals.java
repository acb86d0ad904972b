package io.mproc.process.internal;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signal handlers through {@code sun.misc.Signal}, reached by reflection: the class is
 * supported API of the {@code jdk.unsupported} module, but javac flags every direct use as
 * internal proprietary API, and mproc compiles warning-free.
 */
public final class JvmSignals {
    private JvmSignals() {
    }

    /** The JVM's own handler of each signal, saved the first time one is replaced. */
    private static final ConcurrentHashMap<String, Object> ORIGINAL = new ConcurrentHashMap<>();

    /** Makes {@code handler} run (on its own thread) whenever signal {@code name} arrives. */
    public static synchronized void install(String name, Runnable handler) {
        Api api = Api.get();
        Object proxy = Proxy.newProxyInstance(JvmSignals.class.getClassLoader(), new Class<?>[] {api.handlerType},
            (self, method, arguments) -> switch (method.getName()) {
                case "handle" -> {
                    handler.run();
                    yield null;
                }
                case "hashCode" -> System.identityHashCode(self);
                case "equals" -> self == arguments[0];
                default -> "mproc signal handler for SIG" + name;
            });
        Object previous = api.handle(name, proxy);
        ORIGINAL.putIfAbsent(name, previous);
    }

    /** Gives signal {@code name} back to the handler the JVM started with. */
    public static synchronized void restore(String name) {
        Object original = ORIGINAL.remove(name);
        if (original != null) {
            Api.get().handle(name, original);
        }
    }

    /** The reflective entry points, looked up on first use. */
    private record Api(Constructor<?> signal, Method handle, Class<?> handlerType) {
        private static volatile Api api;

        static Api get() {
            Api current = api;
            if (current == null) {
                try {
                    Class<?> signalType = Class.forName("sun.misc.Signal");
                    Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
                    current = new Api(signalType.getConstructor(String.class),
                        signalType.getMethod("handle", signalType, handlerType), handlerType);
                } catch (ReflectiveOperationException | LinkageError missing) {
                    throw new UnsupportedOperationException("signal handling needs sun.misc.Signal (module "
                        + "jdk.unsupported), which this JVM does not offer: " + missing, missing);
                }
                api = current;
            }
            return current;
        }

        Object handle(String name, Object handler) {
            try {
                return handle.invoke(null, signal.newInstance(name), handler);
            } catch (InvocationTargetException refused) {
                // IllegalArgumentException: the JVM keeps this signal for itself (-Xrs, or in use).
                throw new UnsupportedOperationException("cannot handle SIG" + name + ": " + refused.getCause(),
                    refused.getCause());
            } catch (ReflectiveOperationException inaccessible) {
                throw new UnsupportedOperationException("cannot handle SIG" + name + ": " + inaccessible, inaccessible);
            }
        }
    }
}

package io.mproc.process.internal;

import io.mproc.process.SerializableBiConsumer;
import io.mproc.process.SerializableBiFunction;
import io.mproc.process.SerializableCallable;
import io.mproc.process.SerializableConsumer;
import io.mproc.process.SerializableFunction;
import io.mproc.process.SerializableRunnable;
import java.io.Serial;
import java.io.Serializable;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What a process runs: a serialisable function and its arguments, or a static method named by
 * class and method name with its arguments. Built in the parent, serialised into the launch
 * spec, invoked in the child. A plain class rather than a record: deserialising a record
 * builds method handles for its constructor, which costs a cold child JVM tens of milliseconds.
 *
 * <p>In a child that read a {@link SpecCodec compact spec}, a lambda's function is its
 * {@link SerializedLambda}, which {@link LambdaCall} calls without making the lambda object.
 */
public final class ProcessTarget implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private final Kind kind;
    private final Serializable function;
    private final String className;
    private final String methodName;
    @SuppressWarnings("serial") // checked to be serialisable, element by element, by SpecSerializer
    private final Object[] args;

    /** The shapes of target. */
    public enum Kind { RUNNABLE, CALLABLE, CONSUMER, FUNCTION, BI_CONSUMER, BI_FUNCTION, STATIC_METHOD }

    private ProcessTarget(Kind kind, Serializable function, String className, String methodName, Object[] args) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.function = function;
        this.className = className;
        this.methodName = methodName;
        this.args = args == null ? new Object[0] : args.clone();
    }

    public Kind kind() {
        return kind;
    }

    /** The function object, or null for a static method target. */
    public Serializable function() {
        return function;
    }

    /** Whether a target of this kind hands its return value to the parent (else it returns null). */
    boolean returnsValue() {
        return kind == Kind.CALLABLE || kind == Kind.FUNCTION || kind == Kind.BI_FUNCTION
            || kind == Kind.STATIC_METHOD;
    }

    /** The class of a static method target, or null. */
    String className() {
        return className;
    }

    /** The method of a static method target, or null. */
    String methodName() {
        return methodName;
    }

    /**
     * A function target of {@code kind} with {@code args}; the function may be a lambda's
     * {@link SerializedLambda} (see the class description).
     */
    public static ProcessTarget function(Kind kind, Serializable function, Object... args) {
        return new ProcessTarget(kind, Objects.requireNonNull(function, "target"), null, null, args);
    }

    /**
     * A static method target: checks here, in the parent, that {@code type} has exactly one
     * static method called {@code methodName} that accepts {@code args}, and that mproc may call it
     * (in a named module: public in an exported package, or in a package open to mproc).
     */
    public static ProcessTarget staticMethod(Class<?> type, String methodName, Object... args) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(methodName, "methodName");
        ProcessTarget target = new ProcessTarget(Kind.STATIC_METHOD, null, type.getName(), methodName, args);
        target.resolve(type);
        return target;
    }

    /** A static method target read from a compact spec: checked when it is invoked. */
    static ProcessTarget staticMethodNamed(String className, String methodName, Object[] args) {
        return new ProcessTarget(Kind.STATIC_METHOD, null, Objects.requireNonNull(className, "className"),
            Objects.requireNonNull(methodName, "methodName"), args);
    }

    /**
     * The classes this target's code lives in, outside the JDK: the static method's class, or a
     * lambda's capturing and implementation classes, or the function's class. Standby JVMs
     * preload these ({@link StandbyPreload}).
     */
    public List<String> classNames() {
        List<String> names = new ArrayList<>();
        if (kind == Kind.STATIC_METHOD) {
            names.add(className);
        } else {
            SerializedLambda lambda = function instanceof SerializedLambda serialized ? serialized
                : SpecCodec.serializedLambda(function);
            if (lambda == null) {
                names.add(function.getClass().getName());
            } else {
                names.add(lambda.getCapturingClass().replace('/', '.'));
                names.add(lambda.getImplClass().replace('/', '.'));
            }
        }
        names.removeIf(name -> name.startsWith("java.") || name.startsWith("jdk.") || name.startsWith("javax."));
        return names.stream().distinct().toList();
    }

    /** A short description for messages: the lambda's class, or {@code Type.method}. */
    public String describe() {
        return kind == Kind.STATIC_METHOD ? className + "." + methodName : function.getClass().getName();
    }

    /** The arguments; each must be serialisable ({@link SpecSerializer} checks). */
    public Object[] args() {
        return args.clone();
    }

    /** Runs the target in this JVM and returns what it returned ({@code null} for void); throws what it threw. */
    public Object invoke() throws Throwable {
        if (kind == Kind.STATIC_METHOD) {
            return invokeStatic();
        }
        Object target = function;
        if (target instanceof SerializedLambda serialized) {
            LambdaCall direct = LambdaCall.resolve(serialized, args.length);
            if (direct != null) {
                Object value = direct.call(args);
                return returnsValue() ? value : null;
            }
            target = LambdaCall.deserialize(serialized);
        }
        return invokeFunction(target);
    }

    @SuppressWarnings("unchecked")
    private Object invokeFunction(Object target) throws Exception {
        return switch (kind) {
            case RUNNABLE -> {
                ((SerializableRunnable) target).run();
                yield null;
            }
            case CALLABLE -> ((SerializableCallable<?>) target).call();
            case CONSUMER -> {
                ((SerializableConsumer<Object>) target).accept(args[0]);
                yield null;
            }
            case FUNCTION -> ((SerializableFunction<Object, ?>) target).apply(args[0]);
            case BI_CONSUMER -> {
                ((SerializableBiConsumer<Object, Object>) target).accept(args[0], args[1]);
                yield null;
            }
            case BI_FUNCTION -> ((SerializableBiFunction<Object, Object, ?>) target).apply(args[0], args[1]);
            case STATIC_METHOD -> throw new IllegalStateException("a static method target has no function");
        };
    }

    private Object invokeStatic() throws Throwable {
        Method method = resolve(LambdaCall.load(className, true));
        try {
            return method.invoke(null, args);
        } catch (InvocationTargetException thrown) {
            // The method's own exception, not reflection's wrapper, is the process's failure.
            throw thrown.getCause();
        }
    }

    private Method resolve(Class<?> type) {
        List<Method> candidates = new ArrayList<>();
        for (Method method : type.getDeclaredMethods()) {
            if (method.getName().equals(methodName) && Modifier.isStatic(method.getModifiers())
                && accepts(method.getParameterTypes())) {
                candidates.add(method);
            }
        }
        if (candidates.size() != 1) {
            throw new IllegalArgumentException("target " + className + "." + methodName + " with arguments "
                + Arrays.stream(args).map(arg -> arg == null ? "null" : arg.getClass().getName()).toList()
                + ": " + candidates.size() + " static methods of that name accept them (expected: exactly 1)");
        }
        Method method = candidates.getFirst();
        if (!method.trySetAccessible()) {
            throw new IllegalArgumentException("target " + className + "." + methodName + ": mproc (" + mproc()
                + ") cannot call it: " + type.getModule() + " does not open package " + type.getPackageName()
                + " to it (expected: a public method of a public class in an exported package, or the package"
                + " opened to " + mproc() + ")");
        }
        return method;
    }

    private static String mproc() {
        Module module = ProcessTarget.class.getModule();
        return module.isNamed() ? "module " + module.getName() : "the unnamed module";
    }

    private boolean accepts(Class<?>[] parameters) {
        if (parameters.length != args.length) {
            return false;
        }
        for (int i = 0; i < parameters.length; i++) {
            Class<?> parameter = boxed(parameters[i]);
            if (args[i] == null ? parameters[i].isPrimitive() : !parameter.isInstance(args[i])) {
                return false;
            }
        }
        return true;
    }

    private static Class<?> boxed(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        return switch (type.getName()) {
            case "int" -> Integer.class;
            case "long" -> Long.class;
            case "double" -> Double.class;
            case "float" -> Float.class;
            case "boolean" -> Boolean.class;
            case "byte" -> Byte.class;
            case "short" -> Short.class;
            case "char" -> Character.class;
            default -> Void.class;
        };
    }
}

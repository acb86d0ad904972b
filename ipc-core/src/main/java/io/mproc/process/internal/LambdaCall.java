package io.mproc.process.internal;

import java.lang.invoke.MethodHandleInfo;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;

/**
 * Runs a lambda target that arrived as its {@link SerializedLambda} (a {@link SpecCodec compact
 * spec}) by calling its implementation method through reflection: the captured values, then
 * the arguments; for an instance method the first of those is the receiver. That is what the
 * lambda's own class would do, without spinning that class, which costs a JVM that has just
 * started milliseconds of interpreted class generation.
 *
 * <p>The same classes are initialised as by deserialising the lambda: the capturing class
 * first, then the implementation's class when it is called. Arguments of the wrong type fail
 * with a {@link ClassCastException}, as they would in the lambda. A lambda this cannot call
 * directly (an implementation it cannot find or reach, a kind of method handle other than a
 * method or constructor, a non-private {@code invokespecial}) is deserialised instead, through
 * the capturing class's {@code $deserializeLambda$}, as Java serialisation does.
 */
final class LambdaCall {
    private final SerializedLambda lambda;
    private final Executable implementation;
    private final boolean hasReceiver;

    private LambdaCall(SerializedLambda lambda, Executable implementation, boolean hasReceiver) {
        this.lambda = lambda;
        this.implementation = implementation;
        this.hasReceiver = hasReceiver;
    }

    /** Loads {@code className} through the thread's context class loader (else the system one). */
    static Class<?> load(String className, boolean initialize) throws ClassNotFoundException {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return Class.forName(className, initialize, context != null ? context : ClassLoader.getSystemClassLoader());
    }

    /**
     * The direct call of {@code lambda} with {@code argCount} arguments, or null when it must be
     * {@link #deserialize deserialised} instead.
     */
    static LambdaCall resolve(SerializedLambda lambda, int argCount) throws ClassNotFoundException {
        Class<?> capturing = load(lambda.getCapturingClass().replace('/', '.'), true);
        if (!declaresDeserializer(capturing)) {
            return null; // let the JDK's deserialisation say what is wrong
        }
        Class<?> owner = load(lambda.getImplClass().replace('/', '.'), false);
        int kind = lambda.getImplMethodKind();
        int parameters = lambda.getCapturedArgCount() + argCount;
        Executable found = switch (kind) {
            case MethodHandleInfo.REF_newInvokeSpecial -> constructor(owner, lambda.getImplMethodSignature());
            case MethodHandleInfo.REF_invokeStatic, MethodHandleInfo.REF_invokeVirtual,
                 MethodHandleInfo.REF_invokeInterface, MethodHandleInfo.REF_invokeSpecial ->
                method(owner, lambda.getImplMethodName(), lambda.getImplMethodSignature());
            default -> null;
        };
        if (found == null) {
            return null;
        }
        boolean isStatic = Modifier.isStatic(found.getModifiers());
        boolean fits = switch (kind) {
            case MethodHandleInfo.REF_invokeStatic -> isStatic;
            // invokespecial of anything but a private method would skip overriding methods
            case MethodHandleInfo.REF_invokeSpecial -> !isStatic && Modifier.isPrivate(found.getModifiers());
            case MethodHandleInfo.REF_newInvokeSpecial -> true;
            default -> !isStatic;
        };
        boolean hasReceiver = kind != MethodHandleInfo.REF_invokeStatic && kind != MethodHandleInfo.REF_newInvokeSpecial;
        if (!fits || found.getParameterCount() + (hasReceiver ? 1 : 0) != parameters || !found.trySetAccessible()) {
            return null;
        }
        return new LambdaCall(lambda, found, hasReceiver);
    }

    /**
     * Calls the implementation with the captured values and {@code args}; returns what it
     * returned (null for {@code void}) or throws what it threw.
     */
    Object call(Object[] args) throws Throwable {
        Object[] all = new Object[lambda.getCapturedArgCount() + args.length];
        for (int i = 0; i < lambda.getCapturedArgCount(); i++) {
            all[i] = lambda.getCapturedArg(i);
        }
        System.arraycopy(args, 0, all, lambda.getCapturedArgCount(), args.length);
        try {
            if (implementation instanceof Constructor<?> constructor) {
                return constructor.newInstance(all);
            }
            Method method = (Method) implementation;
            if (!hasReceiver) {
                return method.invoke(null, all);
            }
            if (all[0] == null) {
                throw new NullPointerException("the receiver of " + method.getName() + " is null");
            }
            return method.invoke(all[0], Arrays.copyOfRange(all, 1, all.length));
        } catch (InvocationTargetException thrown) {
            throw thrown.getCause();
        } catch (IllegalArgumentException wrongType) {
            // Reflection checks the argument types where the lambda would have cast them.
            ClassCastException cast = new ClassCastException("arguments of " + describe() + ": " + wrongType.getMessage());
            cast.initCause(wrongType);
            throw cast;
        }
    }

    private String describe() {
        return lambda.getImplClass().replace('/', '.') + "." + lambda.getImplMethodName();
    }

    private static boolean declaresDeserializer(Class<?> capturing) {
        try {
            capturing.getDeclaredMethod("$deserializeLambda$", SerializedLambda.class);
            return true;
        } catch (NoSuchMethodException none) {
            return false;
        }
    }

    private static Method method(Class<?> owner, String name, String descriptor) {
        for (Method method : owner.getDeclaredMethods()) {
            if (method.getName().equals(name)
                && descriptor(method.getParameterTypes(), method.getReturnType()).equals(descriptor)) {
                return method;
            }
        }
        return null;
    }

    private static Constructor<?> constructor(Class<?> owner, String descriptor) {
        for (Constructor<?> constructor : owner.getDeclaredConstructors()) {
            if (descriptor(constructor.getParameterTypes(), void.class).equals(descriptor)) {
                return constructor;
            }
        }
        return null;
    }

    private static String descriptor(Class<?>[] parameters, Class<?> returned) {
        StringBuilder descriptor = new StringBuilder("(");
        for (Class<?> parameter : parameters) {
            descriptor.append(parameter.descriptorString());
        }
        return descriptor.append(')').append(returned.descriptorString()).toString();
    }

    /**
     * The lambda object, made as {@code SerializedLambda.readResolve} makes it: by the
     * capturing class's {@code $deserializeLambda$}, which checks that the class really has
     * such a lambda.
     */
    static Object deserialize(SerializedLambda lambda) throws Throwable {
        Class<?> capturing = load(lambda.getCapturingClass().replace('/', '.'), true);
        Method deserializer;
        try {
            deserializer = capturing.getDeclaredMethod("$deserializeLambda$", SerializedLambda.class);
        } catch (NoSuchMethodException none) {
            throw new IllegalStateException("the target lambda's class " + capturing.getName()
                + " has no serialisable lambdas (no $deserializeLambda$)", none);
        }
        deserializer.setAccessible(true);
        try {
            return deserializer.invoke(null, lambda);
        } catch (InvocationTargetException thrown) {
            throw thrown.getCause();
        }
    }
}

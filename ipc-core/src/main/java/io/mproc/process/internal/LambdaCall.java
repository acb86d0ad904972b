package io.mproc.process.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandleInfo;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.SerializedLambda;

/**
 * Runs a lambda target that arrived as its {@link SerializedLambda} (a {@link SpecCodec compact
 * spec}) by calling its implementation method through a method handle: the captured values,
 * then the arguments; for an instance method the first of those is the receiver. That is what
 * the lambda's own class would do, without spinning that class, which costs a JVM that has
 * just started milliseconds of interpreted class generation.
 *
 * <p>Method handles rather than {@code java.lang.reflect}: reflecting on one method of a class
 * builds every method of it, and so loads every class its method signatures name, which for a
 * user's main class can be dozens; a method handle resolves that one method.
 *
 * <p>The same classes are initialised as by deserialising the lambda: the capturing class
 * first, then the implementation's class when it is called; the same conversions apply to
 * arguments (unboxing, widening), and arguments of the wrong type fail with a
 * {@link ClassCastException}. A lambda this cannot call directly (an implementation it cannot
 * find or reach, a kind of method handle other than a method or constructor) is deserialised
 * instead, through the capturing class's {@code $deserializeLambda$}, as Java serialisation
 * does.
 */
final class LambdaCall {
    private static final MethodType DESERIALIZER = MethodType.methodType(Object.class, SerializedLambda.class);

    private final SerializedLambda lambda;
    private final MethodHandle implementation;

    private LambdaCall(SerializedLambda lambda, MethodHandle implementation) {
        this.lambda = lambda;
        this.implementation = implementation;
    }

    /** Loads {@code className} through the thread's context class loader (else the system one). */
    static Class<?> load(String className, boolean initialize) throws ClassNotFoundException {
        return Class.forName(className, initialize, loader());
    }

    private static ClassLoader loader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : ClassLoader.getSystemClassLoader();
    }

    /**
     * The direct call of {@code lambda} with {@code argCount} arguments, or null when it must be
     * {@link #deserialize deserialised} instead.
     */
    static LambdaCall resolve(SerializedLambda lambda, int argCount) throws ClassNotFoundException {
        Class<?> capturing = load(lambda.getCapturingClass().replace('/', '.'), true);
        MethodHandles.Lookup capturingLookup = lookupIn(capturing);
        if (capturingLookup == null || !declaresDeserializer(capturingLookup, capturing)) {
            return null; // let the JDK's deserialisation say what is wrong
        }
        Class<?> owner = load(lambda.getImplClass().replace('/', '.'), false);
        MethodHandles.Lookup lookup = owner == capturing ? capturingLookup : lookupIn(owner);
        if (lookup == null) {
            return null;
        }
        String name = lambda.getImplMethodName();
        MethodHandle handle;
        try {
            MethodType type = MethodType.fromMethodDescriptorString(lambda.getImplMethodSignature(), loader());
            handle = switch (lambda.getImplMethodKind()) {
                case MethodHandleInfo.REF_invokeStatic -> lookup.findStatic(owner, name, type);
                case MethodHandleInfo.REF_invokeVirtual, MethodHandleInfo.REF_invokeInterface ->
                    lookup.findVirtual(owner, name, type);
                case MethodHandleInfo.REF_invokeSpecial -> lookup.findSpecial(owner, name, type, lookup.lookupClass());
                case MethodHandleInfo.REF_newInvokeSpecial -> lookup.findConstructor(owner, type);
                default -> null;
            };
        } catch (ReflectiveOperationException | IllegalArgumentException | TypeNotPresentException unresolvable) {
            return null;
        }
        if (handle == null || handle.type().parameterCount() != lambda.getCapturedArgCount() + argCount) {
            return null;
        }
        return new LambdaCall(lambda, handle);
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
        // A call site per arity rather than invokeWithArguments, whose spreading spins method
        // handle classes in a JVM that just started (milliseconds); these link to invokers the
        // JDK and the startup cache hold ready.
        return switch (all.length) {
            case 0 -> implementation.invoke();
            case 1 -> implementation.invoke(all[0]);
            case 2 -> implementation.invoke(all[0], all[1]);
            case 3 -> implementation.invoke(all[0], all[1], all[2]);
            case 4 -> implementation.invoke(all[0], all[1], all[2], all[3]);
            default -> implementation.invokeWithArguments(all);
        };
    }

    /**
     * A lookup with full access to {@code type} when its package is open to mproc (every class
     * on the class path), else the public lookup (for a method reference to a public method of
     * the JDK); null when neither can be had.
     */
    private static MethodHandles.Lookup lookupIn(Class<?> type) {
        try {
            return MethodHandles.privateLookupIn(type, MethodHandles.lookup());
        } catch (IllegalAccessException | SecurityException closed) {
            return MethodHandles.publicLookup();
        }
    }

    private static boolean declaresDeserializer(MethodHandles.Lookup lookup, Class<?> capturing) {
        try {
            lookup.findStatic(capturing, "$deserializeLambda$", DESERIALIZER);
            return true;
        } catch (ReflectiveOperationException none) {
            return false;
        }
    }

    /**
     * The lambda object, made as {@code SerializedLambda.readResolve} makes it: by the
     * capturing class's {@code $deserializeLambda$}, which checks that the class really has
     * such a lambda.
     */
    static Object deserialize(SerializedLambda lambda) throws Throwable {
        Class<?> capturing = load(lambda.getCapturingClass().replace('/', '.'), true);
        MethodHandle deserializer;
        try {
            deserializer = MethodHandles.privateLookupIn(capturing, MethodHandles.lookup())
                .findStatic(capturing, "$deserializeLambda$", DESERIALIZER);
        } catch (NoSuchMethodException none) {
            throw new IllegalStateException("the target lambda's class " + capturing.getName()
                + " has no serialisable lambdas (no $deserializeLambda$)", none);
        }
        return deserializer.invoke(lambda);
    }
}

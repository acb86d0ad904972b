package io.mproc.codec;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A record class's accessors and canonical constructor, looked up once per class (public
 * records only: mproc reads them through their public API, with no deep reflection).
 */
final class RecordShape {
    private static final ConcurrentHashMap<Class<?>, RecordShape> SHAPES = new ConcurrentHashMap<>();

    final Class<?> type;
    final Class<?>[] componentTypes;
    private final MethodHandle[] accessors;
    private final MethodHandle constructor;

    private RecordShape(Class<?> type) {
        this.type = type;
        RecordComponent[] components = type.getRecordComponents();
        this.componentTypes = new Class<?>[components.length];
        this.accessors = new MethodHandle[components.length];
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        try {
            for (int i = 0; i < components.length; i++) {
                componentTypes[i] = components[i].getType();
                accessors[i] = lookup.unreflect(components[i].getAccessor())
                    .asType(MethodType.methodType(Object.class, Object.class));
            }
            this.constructor = lookup.findConstructor(type, MethodType.methodType(void.class, componentTypes))
                .asSpreader(Object[].class, components.length)
                .asType(MethodType.methodType(Object.class, Object[].class));
        } catch (ReflectiveOperationException | IllegalArgumentException notAccessible) {
            throw new CodecException("record " + type.getName() + " cannot be encoded field by field: it must be a"
                + " public record in an exported package (" + notAccessible + ")", notAccessible);
        }
    }

    static RecordShape of(Class<?> type) {
        RecordShape shape = SHAPES.get(type);
        return shape != null ? shape : SHAPES.computeIfAbsent(type, RecordShape::new);
    }

    int size() {
        return accessors.length;
    }

    Object component(Object record, int index) {
        try {
            return accessors[index].invokeExact(record);
        } catch (RuntimeException | Error unchecked) {
            throw unchecked;
        } catch (Throwable checked) {
            throw new CodecException("record " + type.getName() + ": accessor " + index + " failed: " + checked, checked);
        }
    }

    Object construct(Object[] values) {
        try {
            return constructor.invokeExact(values);
        } catch (RuntimeException | Error unchecked) {
            throw new CodecException("cannot decode record " + type.getName() + ": its constructor refused the values: "
                + unchecked, unchecked);
        } catch (Throwable checked) {
            throw new CodecException("cannot decode record " + type.getName() + ": " + checked, checked);
        }
    }
}

package io.mproc.sync;

import io.mproc.memory.RegionNamespace;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The commands a {@link SyncChild} understands; each returns its reply. */
final class SyncCommands {
    private final RegionNamespace namespace;
    private final Map<String, Object> variables;

    SyncCommands(RegionNamespace namespace, Map<String, Object> variables) {
        this.namespace = namespace;
        this.variables = variables;
    }

    @SuppressWarnings("unchecked")
    private <T> T get(String variable) {
        Object value = variables.get(variable);
        if (value == null) {
            throw new IllegalArgumentException("no variable " + variable);
        }
        return (T) value;
    }

    String run(String[] w) throws Exception {
        return switch (w[1]) {
            case "handle" -> {
                Object object = SyncChild.deserialize(w[3]);
                variables.put(w[2], object);
                yield object.getClass().getSimpleName();
            }
            case "attach" -> {
                Object object = attach(w[3], w[4]);
                variables.put(w[2], object);
                yield object.getClass().getSimpleName();
            }
            case "lock" -> {
                SharedMutex lock = get(w[2]);
                lock.lock();
                yield "locked died=" + lock.previousOwnerDied();
            }
            case "trylock" -> {
                SharedMutex lock = get(w[2]);
                long start = System.nanoTime();
                boolean got = w.length > 3 ? lock.tryLock(Long.parseLong(w[3]), TimeUnit.MILLISECONDS) : lock.tryLock();
                yield got + " " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            }
            case "unlock" -> {
                SharedMutex lock = get(w[2]);
                lock.unlock();
                yield "unlocked";
            }
            case "holds" -> Integer.toString(this.<SharedRLock>get(w[2]).getHoldCount());
            case "await" -> {
                SharedCondition condition = get(w[2]);
                condition.lock().lock();
                try {
                    yield Boolean.toString(condition.await(Long.parseLong(w[3]), TimeUnit.MILLISECONDS));
                } finally {
                    condition.lock().unlock();
                }
            }
            case "signal" -> {
                SharedCondition condition = get(w[2]);
                condition.lock().lock();
                try {
                    yield Integer.toString(condition.signal(Integer.parseInt(w[3])));
                } finally {
                    condition.lock().unlock();
                }
            }
            default -> ChildValueCommands.run(this::get, w);
        };
    }

    private Object attach(String type, String name) {
        return switch (type) {
            case "lock" -> SharedLock.attach(namespace, name);
            case "rlock" -> SharedRLock.attach(namespace, name);
            case "condition" -> SharedCondition.attach(namespace, name);
            default -> throw new IllegalArgumentException("type=" + type);
        };
    }
}

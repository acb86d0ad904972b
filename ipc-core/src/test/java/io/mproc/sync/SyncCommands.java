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
            case "newcond" -> {
                SharedCondition condition = this.<SharedMutex>get(w[2]).newCondition();
                variables.put(w[3], condition);
                yield condition.name();
            }
            case "spin" -> {
                Object target = variables.get(w[2]);
                io.mproc.wait.WaitStrategy busySpin = io.mproc.wait.WaitStrategy.busySpin();
                switch (target) {
                    case SharedMutex lock -> lock.setWaitStrategy(busySpin);
                    case SharedSemaphore semaphore -> semaphore.setWaitStrategy(busySpin);
                    case SharedCondition condition -> condition.setWaitStrategy(busySpin);
                    case SharedBarrier barrier -> barrier.setWaitStrategy(busySpin);
                    case SharedEvent event -> event.setWaitStrategy(busySpin);
                    default -> throw new IllegalArgumentException("no wait strategy: " + target);
                }
                yield "spinning";
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
            case "waitfor" -> {
                SharedCondition condition = get(w[2]);
                io.mproc.shared.SharedLong value = get(w[3]);
                long target = Long.parseLong(w[4]);
                condition.lock().lock();
                try {
                    yield Boolean.toString(condition.waitFor(() -> value.get() >= target,
                        java.time.Duration.ofMillis(Long.parseLong(w[5]))));
                } finally {
                    condition.lock().unlock();
                }
            }
            case "ring" -> ring(get(w[2]), get(w[3]), Integer.parseInt(w[4]), Integer.parseInt(w[5]),
                Integer.parseInt(w[6]));
            default -> ChildValueCommands.run(this::get, w);
        };
    }

    /**
     * {@code parties} processes pass a counter round: this one ({@code me}) increments it
     * whenever it is {@code me} modulo {@code parties}, {@code rounds} times, waking the others
     * with signalAll. A wait of more than 5 s means a lost wake-up.
     */
    static String ring(SharedCondition condition, io.mproc.shared.SharedLong counter, int parties, int me, int rounds)
        throws InterruptedException {
        for (int round = 0; round < rounds; round++) {
            condition.lock().lock();
            try {
                while (counter.get() % parties != me) {
                    if (!condition.await(5, TimeUnit.SECONDS)) {
                        return "lost wake-up at " + counter.get();
                    }
                }
                counter.set(counter.get() + 1);
                condition.signalAll();
            } finally {
                condition.lock().unlock();
            }
        }
        return "done";
    }

    private Object attach(String type, String name) {
        return switch (type) {
            case "lock" -> SharedLock.attach(namespace, name);
            case "rlock" -> SharedRLock.attach(namespace, name);
            case "condition" -> SharedCondition.attach(namespace, name);
            case "semaphore" -> SharedSemaphore.attach(namespace, name);
            case "event" -> SharedEvent.attach(namespace, name);
            case "barrier" -> SharedBarrier.attach(namespace, name);
            case "long" -> io.mproc.shared.SharedLong.attach(namespace, name);
            case "int" -> io.mproc.shared.SharedInt.attach(namespace, name);
            case "double" -> io.mproc.shared.SharedDouble.attach(namespace, name);
            case "longs" -> io.mproc.shared.SharedLongArray.attach(namespace, name);
            case "memory" -> io.mproc.shared.SharedMemory.attach(namespace, name);
            default -> throw new IllegalArgumentException("type=" + type);
        };
    }
}

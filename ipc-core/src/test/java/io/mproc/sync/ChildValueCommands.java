package io.mproc.sync;

import io.mproc.memory.OrderedAccess;
import io.mproc.shared.SharedByteArray;
import io.mproc.shared.SharedDouble;
import io.mproc.shared.SharedDoubleArray;
import io.mproc.shared.SharedIntArray;
import io.mproc.shared.SharedMemory;
import io.mproc.shared.SharedInt;
import io.mproc.shared.SharedLong;
import io.mproc.shared.SharedLongArray;
import java.time.Duration;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/** The commands of {@link SyncChild} for semaphores, events, barriers and shared values. */
final class ChildValueCommands {
    private ChildValueCommands() {
    }

    private static void churn(int threads, Runnable step) {
        for (int t = 0; t < threads; t++) {
            Thread.ofPlatform().daemon().start(() -> {
                while (true) {
                    step.run();
                }
            });
        }
    }

    static String run(Function<String, Object> variables, String[] w) throws Exception {
        Function<String, ?> v = variables;
        return switch (w[1]) {
            case "acquire" -> {
                SharedSemaphore semaphore = (SharedSemaphore) v.apply(w[2]);
                int permits = Integer.parseInt(w[3]);
                if (w.length > 4) {
                    long start = System.nanoTime();
                    boolean got = semaphore.tryAcquire(permits, Long.parseLong(w[4]), TimeUnit.MILLISECONDS);
                    yield got + " " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                }
                yield Boolean.toString(semaphore.tryAcquire(permits));
            }
            case "release" -> {
                ((SharedSemaphore) v.apply(w[2])).release(Integer.parseInt(w[3]));
                yield "released";
            }
            case "set" -> {
                Object target = v.apply(w[2]);
                switch (target) {
                    case SharedEvent event -> event.set();
                    case SharedLong value -> value.set(Long.parseLong(w[3]));
                    case SharedInt value -> value.set(Integer.parseInt(w[3]));
                    case SharedDouble value -> value.set(Double.parseDouble(w[3]));
                    default -> throw new IllegalArgumentException("cannot set " + target);
                }
                yield "set";
            }
            case "get" -> {
                Object target = v.apply(w[2]);
                yield switch (target) {
                    case SharedEvent event -> Boolean.toString(event.isSet());
                    case SharedLong value -> Long.toString(value.get());
                    case SharedInt value -> Integer.toString(value.get());
                    case SharedDouble value -> Double.toString(value.get());
                    case SharedSemaphore semaphore -> Integer.toString(semaphore.availablePermits());
                    default -> throw new IllegalArgumentException("cannot get " + target);
                };
            }
            case "clear" -> {
                ((SharedEvent) v.apply(w[2])).clear();
                yield "cleared";
            }
            case "wait" -> {
                long start = System.nanoTime();
                boolean set = ((SharedEvent) v.apply(w[2])).await(Duration.ofMillis(Long.parseLong(w[3])));
                yield set + " " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            }
            case "barrier" -> {
                SharedBarrier barrier = (SharedBarrier) v.apply(w[2]);
                try {
                    yield "index " + (w.length > 3 ? barrier.await(Long.parseLong(w[3]), TimeUnit.MILLISECONDS)
                        : barrier.await());
                } catch (BrokenBarrierException broken) {
                    yield "broken";
                } catch (TimeoutException timedOut) {
                    yield "timeout";
                }
            }
            case "action" -> {
                SharedBarrier barrier = (SharedBarrier) v.apply(w[2]);
                SharedLong counter = (SharedLong) v.apply(w[3]);
                barrier.setAction(counter::incrementAndGet);
                yield "action";
            }
            case "incr-locked" -> {
                // The lost-update test: a read and a separate write, made atomic only by the lock.
                SharedMutex lock = (SharedMutex) v.apply(w[2]);
                SharedLongArray counter = (SharedLongArray) v.apply(w[3]);
                int times = Integer.parseInt(w[4]);
                for (int i = 0; i < times; i++) {
                    lock.lock();
                    try {
                        counter.set(0, counter.get(0) + 1);
                    } finally {
                        lock.unlock();
                    }
                }
                yield "done";
            }
            case "incr-atomic" -> {
                SharedLong counter = (SharedLong) v.apply(w[2]);
                int times = Integer.parseInt(w[3]);
                for (int i = 0; i < times; i++) {
                    counter.incrementAndGet();
                }
                yield "done";
            }
            case "lock-churn" -> {
                // Threads that lock and unlock as fast as they can until the process is killed.
                SharedMutex lock = (SharedMutex) v.apply(w[2]);
                churn(Integer.parseInt(w[3]), () -> {
                    lock.lock();
                    lock.unlock();
                });
                yield "churning";
            }
            case "sem-churn" -> {
                // Threads that take 1 or 2 permits and give them back until the process is killed.
                SharedSemaphore semaphore = (SharedSemaphore) v.apply(w[2]);
                churn(Integer.parseInt(w[3]), () -> {
                    int permits = 1 + (int) (System.nanoTime() & 1);
                    try {
                        semaphore.acquire(permits);
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    semaphore.release(permits);
                });
                yield "churning";
            }
            case "pong" -> {
                // Answers every set of event w[2] by clearing it and setting w[3], until w[4] is set.
                SharedEvent ping = (SharedEvent) v.apply(w[2]);
                SharedEvent pong = (SharedEvent) v.apply(w[3]);
                SharedEvent stop = (SharedEvent) v.apply(w[4]);
                if (w[5].equals("spin")) {
                    ping.setWaitStrategy(io.mproc.wait.WaitStrategy.busySpin());
                }
                long rounds = 0;
                while (!stop.isSet()) {
                    if (ping.await(100, TimeUnit.MILLISECONDS)) {
                        ping.clear();
                        pong.set();
                        rounds++;
                    }
                }
                yield "rounds " + rounds;
            }
            case "aget" -> {
                Object array = v.apply(w[2]);
                long index = Long.parseLong(w[3]);
                yield switch (array) {
                    case SharedLongArray a -> Long.toString(a.get(index));
                    case SharedIntArray a -> Integer.toString(a.get(index));
                    case SharedDoubleArray a -> Double.toString(a.get(index));
                    case SharedByteArray a -> Byte.toString(a.get(index));
                    default -> throw new IllegalArgumentException("not an array: " + array);
                };
            }
            case "aset" -> {
                Object array = v.apply(w[2]);
                long index = Long.parseLong(w[3]);
                switch (array) {
                    case SharedLongArray a -> a.set(index, Long.parseLong(w[4]));
                    case SharedIntArray a -> a.set(index, Integer.parseInt(w[4]));
                    case SharedDoubleArray a -> a.set(index, Double.parseDouble(w[4]));
                    case SharedByteArray a -> a.set(index, Byte.parseByte(w[4]));
                    default -> throw new IllegalArgumentException("not an array: " + array);
                }
                yield "set";
            }
            case "aadd" -> {
                // Atomic increments of one element, {times} times.
                Object array = v.apply(w[2]);
                long index = Long.parseLong(w[3]);
                int times = Integer.parseInt(w[4]);
                for (int i = 0; i < times; i++) {
                    switch (array) {
                        case SharedLongArray a -> a.getAndAdd(index, 1);
                        case SharedIntArray a -> a.getAndAdd(index, 1);
                        case SharedDoubleArray a -> a.getAndAdd(index, 1);
                        case SharedByteArray a -> a.getAndAdd(index, (byte) 1);
                        default -> throw new IllegalArgumentException("not an array: " + array);
                    }
                }
                yield "done";
            }
            case "mwrite" -> {
                // Release: pairs with the reader's acquire.
                OrderedAccess.setLongRelease(((SharedMemory) v.apply(w[2])).segment(), Long.parseLong(w[3]),
                    Long.parseLong(w[4]));
                yield "written";
            }
            case "mread" -> Long.toString(OrderedAccess.getLongAcquire(((SharedMemory) v.apply(w[2])).segment(),
                Long.parseLong(w[3])));
            case "msize" -> Long.toString(((SharedMemory) v.apply(w[2])).size());
            default -> throw new IllegalArgumentException("command=" + w[1]);
        };
    }
}

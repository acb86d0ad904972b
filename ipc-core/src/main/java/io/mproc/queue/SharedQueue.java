package io.mproc.queue;

import io.mproc.codec.Codec;
import io.mproc.codec.CodecException;
import io.mproc.codec.Codecs;
import io.mproc.memory.RegionNamespace;
import io.mproc.ring.MessageHandler;
import io.mproc.wait.WaitStrategy;
import java.io.Serial;
import java.io.Serializable;
import java.lang.foreign.MemorySegment;
import java.util.AbstractQueue;
import java.util.Collection;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Python's {@code multiprocessing.Queue} as a {@link BlockingQueue}: any number of producer
 * and consumer threads in any number of processes, over an {@link io.mproc.ring.MpmcRing} in
 * shared memory; or, for the lowest latency, one producer and one consumer at a time over an
 * {@link io.mproc.ring.SpscRing} ({@link QueueShape}, chosen at creation in
 * {@link QueueOptions#shape()}). What this comment says holds for both shapes except where
 * {@link QueueShape} says otherwise.
 *
 * <p><b>Shape.</b> At most {@link #maxSize()} elements (any count; Python's {@code maxsize},
 * but never unbounded: it is shared memory), each encoded by the queue's {@link Codec} into at
 * most {@link #maxMessageBytes()} bytes; a larger element is refused in {@code put} with an
 * {@link IllegalArgumentException}. Elements of one producer thread are taken in the order it
 * put them (FIFO per producer, as in Python); between producers there is no order.
 *
 * <p><b>Names.</b> The Java names behave as {@link BlockingQueue} says ({@code offer} on a
 * full queue returns false where Python raises {@code Full}; {@code poll} returns null where
 * Python raises {@code Empty}). Python's names are there too: {@link #qsize()},
 * {@link #empty()}, {@link #full()}, {@link #putNowait}, {@link #getNowait()}. Nulls are
 * refused ({@link NullPointerException}), as in every {@code BlockingQueue}.
 *
 * <p><b>Snapshots.</b> {@link #size()}, {@link #isEmpty()}, {@link #full()} and
 * {@link #remainingCapacity()} are snapshots that other processes may change at once; size
 * counts elements a producer has claimed room for and not yet finished writing. There is no
 * iteration, {@code peek}, {@code contains} or {@code remove(Object)}: a look at elements
 * without taking them would be stale across processes before it returned, and taking one out
 * of the middle is not possible in the ring; those methods throw
 * {@link UnsupportedOperationException}. Use {@link #drainTo} to take what is there.
 *
 * <p><b>Errors.</b> An element that cannot be encoded fails in the caller's {@code put} /
 * {@code offer} with a {@link CodecException} naming its class, before any ring space is
 * claimed (or, if the codec fails while writing, the claim is aborted): nothing half-written
 * is ever visible. A message that a consumer cannot decode (damaged, or a class its
 * {@link io.mproc.codec.SerialFilter} refuses) is consumed and raises a {@link CodecException}
 * in that consumer's {@code take} / {@code poll}; the queue goes on with the next message.
 *
 * <p><b>Closing.</b> {@link #close()} closes the queue for every process: afterwards every
 * operation on it, in any process, throws {@link IllegalStateException} "queue NAME is
 * closed", including calls blocked in {@code put} or {@code take}, which wake within
 * microseconds (within 100 ms if the closing process was killed before it could wake them).
 * Elements still in the queue are discarded, not drained. The regions stay until the namespace
 * that created them is closed.
 *
 * <p><b>Waiting.</b> Blocked calls wait as the {@link QueueOptions#waitStrategy()} of this
 * handle says; by default they spin a few microseconds, then sleep on a futex and use no CPU.
 * A blocked call of a {@link QueueShape#MANY_TO_MANY} queue also looks again every 20 ms, which
 * is what lets it step over the claim of a process that died (below); a
 * {@link QueueShape#ONE_TO_ONE} queue has nothing to step over and looks again once a second.
 *
 * <p><b>SIGKILL.</b> A process killed at any point never wedges the queue. A producer killed
 * before its put returned either published the element (it is delivered) or did not (it is
 * lost, never half-seen): the ring frees its claimed slot when a consumer has been held up by
 * it for about a millisecond (blocked consumers notice within about 40 ms). A consumer killed
 * while taking loses the one element it was taking (at most once for that element); every
 * other element is delivered exactly once.
 *
 * <p><b>Handles.</b> A queue is {@link Serializable} as a small handle (namespace root and
 * name, queue name, codec), so it can be a process argument or an element of another queue;
 * the receiving JVM attaches to the same queue. The codec must then be serializable (the
 * built-in ones are).
 *
 * <p><b>Zero copy.</b> {@link #tryClaim} / {@link #claim} reserve room for one message of a
 * given length in {@link #buffer()}, the mapped memory; write the bytes the queue's codec
 * would decode, then {@link #commit} (or {@link #abort}). {@link #pollInPlace} hands a message
 * to a reader in place, at once or waiting for one; {@link #takeInPlace} waits without limit.
 * An Agrona {@code UnsafeBuffer} can wrap {@code buffer().address() + index} for its accessors.
 *
 * <p>Thread-safe.
 *
 * @param <E> the element type
 */
public class SharedQueue<E> extends AbstractQueue<E> implements BlockingQueue<E>, Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private final transient RegionNamespace namespace;
    private final String name;
    private final transient QueueRing ring;
    private final transient QueueShape shape;
    private final transient QueueState state;
    private final transient Codec<E> codec;
    private final transient int maxSize;
    private final transient int maxMessageBytes;
    private final transient QueueWaiter waiter;
    private final transient PutSide<E> putSide;
    private final transient TakeSide<E> takeSide;

    SharedQueue(RegionNamespace namespace, String name, QueueParts parts, Codec<E> codec, WaitStrategy waitStrategy) {
        this.namespace = namespace;
        this.name = name;
        this.ring = parts.ring();
        this.state = parts.state();
        this.shape = state.shape();
        this.codec = codec;
        this.maxSize = state.maxSize();
        this.maxMessageBytes = state.maxMessageBytes();
        ThreadLocal<Taker<E>> takers = ThreadLocal.withInitial(() -> new Taker<>(codec));
        this.waiter = new QueueWaiter(ring, state, waitStrategy, takers);
        this.putSide = new PutSide<>(name, ring, state, codec, waiter);
        this.takeSide = new TakeSide<>(name, ring, state, takers, waiter);
    }

    /** Creates the queue {@code name} with the {@link Codecs#standard() standard codec} and default options. */
    public static <E> SharedQueue<E> create(RegionNamespace namespace, String name) {
        return create(namespace, name, Codecs.standard(), QueueOptions.defaults());
    }

    /** Creates the queue {@code name} holding at most {@code maxSize} elements, standard codec. */
    public static <E> SharedQueue<E> create(RegionNamespace namespace, String name, int maxSize) {
        return create(namespace, name, Codecs.standard(), QueueOptions.defaults().withMaxSize(maxSize));
    }

    /**
     * Creates the queue {@code name} in {@code namespace}: the regions {@code name.ring} and
     * {@code name.queue}, removed when the namespace is closed.
     *
     * @throws io.mproc.memory.RegionExistsException if a queue of that name exists
     */
    public static <E> SharedQueue<E> create(RegionNamespace namespace, String name, Codec<E> codec,
                                            QueueOptions options) {
        return new SharedQueue<>(namespace, name, QueueParts.create(namespace, name, options, false),
            Objects.requireNonNull(codec, "codec"), options.waitStrategy());
    }

    /** Attaches to the queue {@code name}, with default waiting. */
    public static <E> SharedQueue<E> attach(RegionNamespace namespace, String name, Codec<E> codec) {
        return attach(namespace, name, codec, WaitStrategy.defaultStrategy());
    }

    /**
     * Attaches to the queue {@code name}, which some process created (a {@link JoinableQueue}
     * too), with the shape it was created with. {@code codec} must be the one it was created with.
     *
     * @throws io.mproc.memory.RegionNotFoundException if there is no such queue
     */
    public static <E> SharedQueue<E> attach(RegionNamespace namespace, String name, Codec<E> codec,
                                            WaitStrategy waitStrategy) {
        return new SharedQueue<>(namespace, name, QueueParts.attach(namespace, name),
            Objects.requireNonNull(codec, "codec"), Objects.requireNonNull(waitStrategy, "waitStrategy"));
    }

    // ---------------------------------------------------------------- putting

    @Override
    public boolean offer(E element) {
        return putSide.offer(element);
    }

    @Override
    public void put(E element) throws InterruptedException {
        offer(element, Long.MAX_VALUE, TimeUnit.NANOSECONDS);
    }

    @Override
    public boolean offer(E element, long timeout, TimeUnit unit) throws InterruptedException {
        return putSide.offer(element, timeout, unit);
    }

    /** Python's {@code put_nowait}: {@link #add}, which throws {@link IllegalStateException} when full. */
    public void putNowait(E element) {
        add(element);
    }

    // ---------------------------------------------------------------- taking

    @Override
    public E poll() {
        return takeSide.poll();
    }

    @Override
    public E take() throws InterruptedException {
        return takeSide.pollBefore(WaitStrategy.FOREVER);
    }

    @Override
    public E poll(long timeout, TimeUnit unit) throws InterruptedException {
        return takeSide.poll(timeout, unit);
    }

    /** Python's {@code get_nowait}: {@link #remove()}, which throws {@link NoSuchElementException} when empty. */
    public E getNowait() {
        return remove();
    }

    @Override
    public int drainTo(Collection<? super E> target) {
        return drainTo(target, Integer.MAX_VALUE);
    }

    /**
     * Takes up to {@code maxElements} that are there now into {@code target}. A message that
     * cannot be decoded stops the drain with a {@link CodecException}; what was drained before
     * it is in {@code target}.
     */
    @Override
    public int drainTo(Collection<? super E> target, int maxElements) {
        Objects.requireNonNull(target, "target");
        if (target == this) {
            throw new IllegalArgumentException("queue " + name + ": cannot drain into itself");
        }
        return takeSide.drainTo(target, maxElements);
    }

    /** Discards every element there now, without decoding them. Does not count as {@code taskDone}. */
    @Override
    public void clear() {
        takeSide.clear();
    }

    // ---------------------------------------------------------------- closing

    /**
     * Closes the queue for every process: later operations anywhere throw
     * {@link IllegalStateException}, blocked ones wake and throw. Elements still queued are
     * discarded. Idempotent.
     */
    public void close() {
        if (state.close()) {
            waiter.wakeAll();
        }
    }

    /** Whether some process closed the queue. */
    public boolean isClosed() {
        return state.isClosed();
    }

    // ---------------------------------------------------------------- zero copy

    /**
     * Reserves room for one message of {@code length} bytes; returns its index in
     * {@link #buffer()}, or -1 when the queue is full. Write there exactly the bytes the
     * queue's codec decodes, then {@link #commit} or {@link #abort} it from the same thread.
     */
    public long tryClaim(int length) {
        return putSide.tryClaim(length);
    }

    /** As {@link #tryClaim}, waiting for room. */
    public long claim(int length) throws InterruptedException {
        return putSide.claim(length);
    }

    /** The mapped memory that claim indexes and in-place readers refer to. */
    public MemorySegment buffer() {
        return ring.buffer();
    }

    /** Publishes a claimed message. */
    public void commit(long index) {
        ring.commit(index);
    }

    /** Gives up a claimed message: nobody sees it. */
    public void abort(long index) {
        putSide.abort(index);
    }

    /**
     * Hands the next message, if there is one, to {@code reader} in place (valid only during
     * the call); returns whether there was one.
     */
    public boolean pollInPlace(InPlaceReader reader) {
        return takeSide.pollInPlace(reader);
    }

    /**
     * As {@link #pollInPlace(InPlaceReader)}, waiting up to {@code timeout} for a message as
     * {@link #poll(long, TimeUnit)} does; returns false if none came in time.
     */
    public boolean pollInPlace(InPlaceReader reader, long timeout, TimeUnit unit) throws InterruptedException {
        return pollInPlace(reader) || takeSide.pollInPlaceBefore(reader, WaitStrategy.deadlineAfter(timeout, unit));
    }

    /** As {@link #pollInPlace(InPlaceReader)}, waiting for a message as {@link #take()} does. */
    public void takeInPlace(InPlaceReader reader) throws InterruptedException {
        takeSide.pollInPlaceBefore(reader, WaitStrategy.FOREVER);
    }

    /**
     * Reads one message in place, where it lies in the mapped memory. It is the ring's
     * {@link MessageHandler} too, so that a poll in place allocates nothing; implement
     * {@link #read} only.
     */
    @FunctionalInterface
    public interface InPlaceReader extends MessageHandler {
        /** Reads the {@code length} bytes at {@code offset} in {@code buffer}; they are valid only during the call. */
        void read(MemorySegment buffer, long offset, int length);

        @Override
        default void onMessage(int type, MemorySegment buffer, long offset, int length) {
            read(buffer, offset, length);
        }
    }

    // ---------------------------------------------------------------- sizes and the rest

    @Override
    public int size() {
        state.requireOpen();
        return ring.size();
    }

    /** Python's {@code qsize()}: {@link #size()}. */
    public int qsize() {
        return size();
    }

    @Override
    public boolean isEmpty() {
        state.requireOpen();
        return ring.isEmpty();
    }

    /** Python's {@code empty()}: {@link #isEmpty()}. */
    public boolean empty() {
        return isEmpty();
    }

    /** Python's {@code full()}: whether a put would have to wait now (a snapshot). */
    public boolean full() {
        state.requireOpen();
        return ring.isFull();
    }

    @Override
    public int remainingCapacity() {
        return maxSize - size();
    }

    public int maxSize() {
        return maxSize;
    }

    public int maxMessageBytes() {
        return maxMessageBytes;
    }

    /** Who may put and take, as the queue was created. */
    public QueueShape shape() {
        return shape;
    }

    public String name() {
        return name;
    }

    public Codec<E> codec() {
        return codec;
    }

    QueueWaiter waiter() {
        return waiter;
    }

    /** Not supported: see the class comment ("Snapshots"). */
    @Override
    public Iterator<E> iterator() {
        throw TakeSide.unsupported(name, "iteration");
    }

    /** Not supported: see the class comment ("Snapshots"). */
    @Override
    public E peek() {
        throw TakeSide.unsupported(name, "peek");
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + name + ", maxSize=" + maxSize + ", maxMessageBytes=" + maxMessageBytes
            + (state.isClosed() ? ", closed" : ", size=" + ring.size()) + "]";
    }

    @Serial
    Object writeReplace() {
        return QueueHandle.of(namespace, name, codec, this instanceof JoinableQueue);
    }
}

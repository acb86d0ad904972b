package io.mproc.ring;

import static io.mproc.ring.MpmcControl.WRITING;
import static io.mproc.ring.MpmcRingLayout.CONTROL_OFFSET;
import static io.mproc.ring.MpmcRingLayout.PAYLOAD_OFFSET;

import io.mproc.memory.OrderedAccess;
import io.mproc.memory.ProcessIdentity;
import io.mproc.memory.Region;
import io.mproc.memory.RegionNamespace;
import io.mproc.wait.WaitPoint;
import java.lang.foreign.MemorySegment;
import java.util.Objects;

/**
 * A multi-producer, multi-consumer ring of fixed-size slots in shared memory: any number of
 * threads in any number of processes may offer and poll at once. {@link #capacity()} is in
 * messages (slots); each message is at most {@link #maxMessageLength()} bytes.
 *
 * <p><b>Algorithm.</b> A bounded slot queue in the style of Vyukov's, except that a slot is
 * claimed by a CAS on its own {@linkplain MpmcControl control word} (lap, state, owner pid)
 * rather than on a shared counter, so that a claim always names a live-checkable owner. The
 * tail and head words are only {@linkplain MpmcFrontiers hints} of where to look, stored by
 * each claimer after its claim without a CAS: whoever finds a position already claimed steps
 * over it, so an owner that dies before storing the hint blocks nobody, and an operation costs
 * one locked instruction, not two. Producer at {@code p}, lap {@code L}: {@code EMPTY(L)} →
 * claim it; claimed for {@code L} already, or for a later lap → step on; still occupied from
 * lap {@code L-1} → full. Consumer at {@code p}: {@code FULL(L)} → claim it; {@code READING(L)}
 * or a later lap → step on; {@code EMPTY(L)}, {@code WRITING(L)} or (the frontier has lapped a
 * slow reader) {@code READING(L-1)} → nothing ready. A producer does not load the control word
 * before claiming: it compare-and-exchanges {@code EMPTY(L)} at once and reads the state from
 * the witness when that fails (a load first would only add a read of the line that the claim
 * must own anyway; about 3 ns of each offer, single-threaded). After a step it loads first, as
 * the slots it steps over are other producers' and still being written. A consumer loads first,
 * since it polls the slot until a message is there, and then claims with a CAS.
 *
 * <p><b>Progress.</b> Lock-free between live threads that do not stop between a claim and its
 * commit: a failed CAS means another thread's claim succeeded. But a producer that is
 * slow between {@link #tryClaim} and {@link #commit} (descheduled, or user code between them)
 * holds up every consumer at its slot, even if later messages are committed: {@link #poll}
 * then returns false. Likewise a slow consumer's slot counts as occupied for the producers
 * one lap later.
 *
 * <p><b>SIGKILL.</b> A process killed at any instruction never wedges the ring: its claimed
 * slot is freed by the first producer or consumer that is blocked by it for about a millisecond
 * and finds (pid + start token, {@link MpmcDeadOwners}) that the owner is dead. What is lost:
 * a message whose producer died before commit is skipped (it was never sent); a message whose
 * consumer died while reading it is gone (at-most-once for that one message). Every other
 * message is delivered exactly once, and the messages of one producer that one consumer
 * receives arrive in the order they were offered. Consumers see only whole messages.
 *
 * <p><b>Memory ordering.</b> Claims are CASes (a producer's a compare-and-exchange) on the
 * control word (volatile: they read the previous state with acquire semantics and order the
 * claimer's later writes after the claim).
 * A producer writes length, type and payload with plain stores and publishes them with a
 * release store of {@code FULL}; a consumer acquires {@code FULL} (through its claiming CAS)
 * before reading them, and returns the slot with a release store of {@code EMPTY(L+1)} after
 * its last read, so the next writer cannot overwrite bytes still being read. Hints are
 * acquire-loaded before the control word so that the state read there is at least as new as
 * the hint, and "full" and "empty" are true at the moment the control word is read.
 *
 * <p><b>Limit.</b> A ring made by {@link #createBounded} holds at most {@code limit} messages,
 * any count (not only a power of two), in the next power of two of slots. A producer claims
 * position {@code p} only when {@code p - r < limit} for a read frontier {@code r} it has
 * seen; since the frontier never moves back, every position below {@code p - limit} has then
 * been claimed by a consumer, so committed-or-claimed messages never exceed the limit. The
 * frontier is scanned from the head hint past the slots consumers already claimed, so the limit
 * never counts a message that is already being read, even if its reader has not yet stored
 * the hint (or was killed first).
 *
 * <p>Thread-safe. Signals {@link #notEmpty()} after every commit and {@link #notFull()} after
 * every consume, abort or recovery.
 *
 * <p>This class checks arguments and owns the ring's shape; the claims and their hand-over run
 * in {@link MpmcProducerSide} and {@link MpmcConsumerSide}, over the {@link MpmcFrontiers}, with
 * {@link MpmcDeadOwners} for recovery.
 */
public final class MpmcRing implements MessageRing {
    private final Region region;
    private final MemorySegment body;
    private final int slots;
    private final int limit;
    private final int slotStride;
    private final int maxMessageLength;
    private final int myPid;
    private final WaitPoint notEmpty;
    private final WaitPoint notFull;
    private final MpmcFrontiers frontiers;
    private final MpmcProducerSide producer;
    private final MpmcConsumerSide consumer;

    MpmcRing(Region region, MemorySegment body, String what) {
        int[] meta = MpmcRingLayout.readMetadata(body, what);
        this.region = region;
        this.body = body;
        this.slots = meta[0];
        this.maxMessageLength = meta[1];
        this.slotStride = meta[2];
        this.limit = meta[3];
        ProcessIdentity me = ProcessIdentity.current();
        if (me.pid() > MpmcControl.MAX_PID) {
            throw new IllegalStateException("pid " + me.pid() + " does not fit an MPMC control word");
        }
        this.myPid = me.pid();
        int myToken = me.startToken();
        this.notEmpty = new WaitPoint(body, MpmcRingLayout.NOT_EMPTY_OFFSET);
        this.notFull = new WaitPoint(body, MpmcRingLayout.NOT_FULL_OFFSET);
        MpmcDeadOwners deadOwners = new MpmcDeadOwners(body, myPid);
        this.frontiers = new MpmcFrontiers(body, slots, slotStride);
        String described = toString();
        this.producer = new MpmcProducerSide(described, body, slots, limit, myPid, myToken, notEmpty, notFull,
            deadOwners, frontiers);
        this.consumer = new MpmcConsumerSide(described, body, myPid, myToken, notFull, deadOwners, frontiers);
    }

    /**
     * Creates the ring {@code name} in {@code namespace}.
     *
     * @param slots            capacity in messages, a power of two
     * @param maxMessageLength the largest payload in bytes
     * @throws IllegalArgumentException if {@code slots} is not a power of two or a length is out of bounds
     */
    public static MpmcRing create(RegionNamespace namespace, String name, int slots, int maxMessageLength) {
        return create(namespace, name, slots, maxMessageLength, MpmcRingLayout.DEFAULT_SLOT_ALIGNMENT);
    }

    /**
     * Creates the ring {@code name} holding at most {@code limit} messages (any count from 1 to
     * {@link MpmcRingLayout#MAX_SLOTS}; the slots are the next power of two). {@link #capacity()}
     * is then {@code limit}.
     *
     * @throws IllegalArgumentException if {@code limit} or {@code maxMessageLength} is out of bounds
     */
    public static MpmcRing createBounded(RegionNamespace namespace, String name, int limit, int maxMessageLength) {
        return create(namespace, name, MpmcRingLayout.slotsFor(limit), maxMessageLength,
            MpmcRingLayout.DEFAULT_SLOT_ALIGNMENT, limit);
    }

    /** As {@link #create(RegionNamespace, String, int, int)} with slots aligned to {@code slotAlignment} bytes. */
    static MpmcRing create(RegionNamespace namespace, String name, int slots, int maxMessageLength, int slotAlignment) {
        return create(namespace, name, slots, maxMessageLength, slotAlignment, slots);
    }

    private static MpmcRing create(RegionNamespace namespace, String name, int slots, int maxMessageLength,
                                   int slotAlignment, int limit) {
        Objects.requireNonNull(namespace, "namespace");
        MpmcRingLayout.checkArguments(slots, maxMessageLength);
        MpmcRingLayout.checkLimit(limit, slots);
        int stride = MpmcRingLayout.slotStride(maxMessageLength, slotAlignment);
        Region region = namespace.create(name, MpmcRingLayout.KIND, MpmcRingLayout.bodySize(slots, stride),
            body -> MpmcRingLayout.initialize(body, slots, maxMessageLength, stride, limit));
        return new MpmcRing(region, region.body(), describe(region));
    }

    /**
     * Attaches to the ring {@code name}, validating its stored shape against the file.
     *
     * @throws io.mproc.memory.RegionException naming the region if it is not a consistent {@code ring.mpmc}
     */
    public static MpmcRing attach(RegionNamespace namespace, String name) {
        Objects.requireNonNull(namespace, "namespace");
        Region region = namespace.attach(name, MpmcRingLayout.KIND);
        try {
            return new MpmcRing(region, region.body(), describe(region));
        } catch (RuntimeException invalid) {
            region.close();
            throw invalid;
        }
    }

    /**
     * A ring over plain memory, not a region (jcstress and unit tests): {@code body} must be
     * zero-filled and at least {@link #inMemoryBodySize} bytes. {@link #region()} is then null.
     */
    static MpmcRing inMemory(MemorySegment body, int slots, int maxMessageLength) {
        MpmcRingLayout.checkArguments(slots, maxMessageLength);
        MpmcRingLayout.initialize(body, slots, maxMessageLength,
            MpmcRingLayout.slotStride(maxMessageLength, MpmcRingLayout.DEFAULT_SLOT_ALIGNMENT), slots);
        // The constructor's final fields and the caller's safe publication of the ring object
        // publish the plain metadata writes to other threads.
        return new MpmcRing(null, body, "in-memory " + MpmcRingLayout.KIND);
    }

    static long inMemoryBodySize(int slots, int maxMessageLength) {
        return MpmcRingLayout.bodySize(slots,
            MpmcRingLayout.slotStride(maxMessageLength, MpmcRingLayout.DEFAULT_SLOT_ALIGNMENT));
    }

    private static String describe(Region region) {
        return "region " + region.path() + " (" + MpmcRingLayout.KIND + ")";
    }

    // ---------------------------------------------------------------- producing

    @Override
    public boolean offer(int type, MemorySegment source, long offset, int length) {
        checkMessage(type, length);
        return producer.offer(type, source, offset, length);
    }

    @Override
    public boolean offer(int type, byte[] source, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, source.length);
        checkMessage(type, length);
        return producer.offer(type, source, offset, length);
    }

    @Override
    public long tryClaim(int type, int length) {
        checkMessage(type, length);
        return producer.tryClaim(type, length);
    }

    @Override
    public void commit(long index) {
        producer.commit(ownedSlot(index));
    }

    @Override
    public void abort(long index) {
        producer.abort(ownedSlot(index));
    }

    // ---------------------------------------------------------------- consuming

    @Override
    public boolean poll(MessageHandler handler) {
        return consumer.poll(handler);
    }

    @Override
    public int drain(MessageHandler handler, int limit) {
        int count = 0;
        while (count < limit && poll(handler)) {
            count++;
        }
        return count;
    }

    @Override
    public boolean isEmpty() {
        return consumer.isEmpty();
    }

    /**
     * Whether a producer would find no room now (a snapshot): the limit is reached, or the slot
     * at the write frontier is still held from the previous lap. A slot held by a dead owner counts as
     * full until a producer's claim frees it.
     */
    public boolean isFull() {
        return producer.isFull();
    }

    /**
     * Messages claimed for writing and not yet claimed for reading (a snapshot from 0 to
     * {@link #capacity()}): committed messages, plus claims still being written or abandoned
     * by a dead producer.
     */
    public int size() {
        // Head first: a consumer claims only below the write frontier, so the one found after
        // it is at least that head. The head may have moved on meanwhile: clamp to the limit.
        long head = frontiers.readFrontier(frontiers.headHint());
        long tail = frontiers.writeFrontier();
        return (int) Math.max(0, Math.min(limit, tail - head));
    }

    // ---------------------------------------------------------------- argument checks

    private void checkMessage(int type, int length) {
        if (type < 0) {
            throw new IllegalArgumentException("type=" + type + " (expected: >= 0; negative types are reserved)");
        }
        if (length < 0 || length > maxMessageLength) {
            throw new IllegalArgumentException("length=" + length + " (expected: 0 to maxMessageLength="
                + maxMessageLength + ")");
        }
    }

    /** The slot of a claim index, checked to be a slot this process is writing. */
    private long ownedSlot(long index) {
        long slot = index - PAYLOAD_OFFSET;
        long relative = slot - MpmcRingLayout.FIRST_SLOT_OFFSET;
        if (relative < 0 || relative % slotStride != 0 || relative / slotStride >= slots) {
            throw new IllegalArgumentException("index=" + index + " (expected: a value returned by tryClaim)");
        }
        // Plain: reads our own claim (a mismatch means a caller bug, not a race).
        long control = OrderedAccess.getLongPlain(body, slot + CONTROL_OFFSET);
        if (MpmcControl.state(control) != WRITING || MpmcControl.pid(control) != myPid) {
            throw new IllegalStateException("index=" + index + " is not claimed by this process: "
                + MpmcControl.describe(control));
        }
        return slot;
    }

    // ---------------------------------------------------------------- accessors

    @Override
    public int maxMessageLength() {
        return maxMessageLength;
    }

    /** In messages: the limit (the slot count, unless {@link #createBounded} chose fewer). */
    @Override
    public long capacity() {
        return limit;
    }

    @Override
    public MemorySegment buffer() {
        return body;
    }

    @Override
    public WaitPoint notEmpty() {
        return notEmpty;
    }

    @Override
    public WaitPoint notFull() {
        return notFull;
    }

    /** The region, or null for an in-memory ring. */
    @Override
    public Region region() {
        return region;
    }

    @Override
    public void close() {
        if (region != null) {
            region.close();
        }
    }

    @Override
    public String toString() {
        return "MpmcRing[" + (region == null ? "in memory" : region.name()) + ", slots=" + slots
            + (limit == slots ? "" : ", limit=" + limit) + ", maxMessageLength=" + maxMessageLength + "]";
    }
}

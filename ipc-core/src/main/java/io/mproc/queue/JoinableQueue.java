package io.mproc.queue;

import io.mproc.codec.Codec;
import io.mproc.codec.Codecs;
import io.mproc.memory.RegionNamespace;
import io.mproc.wait.WaitCondition;
import io.mproc.wait.WaitStrategy;
import java.io.Serial;
import java.time.Duration;
import java.util.Objects;

/**
 * Python's {@code JoinableQueue}: a {@link SharedQueue} that also counts unfinished tasks
 * across processes. Every put raises the count (before the element becomes visible); every
 * {@link #taskDone()} lowers it; {@link #join()} waits until it is zero.
 *
 * <p>A put that fails or times out lowers the count again. {@code taskDone()} called more
 * often than elements were put throws {@link IllegalStateException} (Python's
 * {@code ValueError}) and changes nothing. {@link #clear()} discards elements without
 * counting them done.
 *
 * <p><b>SIGKILL.</b> A consumer killed after taking an element and before its
 * {@code taskDone()} leaves that task unfinished forever: {@code join()} then waits for it
 * (use {@link #join(Duration)}), as in Python, since nobody can tell whether its work was done.
 * A producer killed between raising the count and publishing its element (a few instructions)
 * leaves the count one too high in the same way.
 *
 * @param <E> the element type
 */
public final class JoinableQueue<E> extends SharedQueue<E> {
    @Serial
    private static final long serialVersionUID = 1L;

    private final transient QueueState state;
    private final transient WaitCondition allDoneOrClosed;

    private JoinableQueue(RegionNamespace namespace, String name, QueueParts parts, Codec<E> codec,
                          WaitStrategy waitStrategy) {
        super(namespace, name, parts, codec, waitStrategy);
        QueueState state = parts.state();
        this.state = state;
        this.allDoneOrClosed = () -> state.unfinished() == 0 || state.isClosed();
    }

    /** Creates the joinable queue {@code name} with the standard codec and default options. */
    public static <E> JoinableQueue<E> create(RegionNamespace namespace, String name) {
        return create(namespace, name, Codecs.standard(), QueueOptions.defaults());
    }

    /** Creates the joinable queue {@code name} holding at most {@code maxSize} elements, standard codec. */
    public static <E> JoinableQueue<E> create(RegionNamespace namespace, String name, int maxSize) {
        return create(namespace, name, Codecs.standard(), QueueOptions.defaults().withMaxSize(maxSize));
    }

    /** Creates the joinable queue {@code name}; see {@link SharedQueue#create(RegionNamespace, String, Codec, QueueOptions)}. */
    public static <E> JoinableQueue<E> create(RegionNamespace namespace, String name, Codec<E> codec,
                                              QueueOptions options) {
        return new JoinableQueue<>(namespace, name, QueueParts.create(namespace, name, options, true),
            Objects.requireNonNull(codec, "codec"), options.waitStrategy());
    }

    /** Attaches to the joinable queue {@code name}, with default waiting. */
    public static <E> JoinableQueue<E> attach(RegionNamespace namespace, String name, Codec<E> codec) {
        return attach(namespace, name, codec, WaitStrategy.defaultStrategy());
    }

    /**
     * Attaches to the joinable queue {@code name}.
     *
     * @throws IllegalArgumentException if the queue of that name is not joinable
     */
    public static <E> JoinableQueue<E> attach(RegionNamespace namespace, String name, Codec<E> codec,
                                              WaitStrategy waitStrategy) {
        QueueParts parts = QueueParts.attach(namespace, name);
        if (!parts.state().joinable()) {
            throw new IllegalArgumentException("queue " + name + " is not a JoinableQueue (attach it as a SharedQueue)");
        }
        return new JoinableQueue<>(namespace, name, parts, Objects.requireNonNull(codec, "codec"),
            Objects.requireNonNull(waitStrategy, "waitStrategy"));
    }

    /**
     * Marks one taken element as processed.
     *
     * @throws IllegalStateException if there is no unfinished task, or the queue is closed
     */
    public void taskDone() {
        state.requireOpen();
        state.removeUnfinished("taskDone()");
    }

    /** Waits until every element ever put has been marked done. */
    public void join() throws InterruptedException {
        join(WaitStrategy.FOREVER);
    }

    /** As {@link #join()}, for at most {@code timeout}; returns whether the count reached zero. */
    public boolean join(Duration timeout) throws InterruptedException {
        return join(WaitStrategy.deadlineAfter(timeout));
    }

    private boolean join(long deadline) throws InterruptedException {
        state.requireOpen();
        while (state.unfinished() != 0) {
            if (!waiter().await(state.allDone(), allDoneOrClosed, deadline)) {
                return false;
            }
        }
        return true;
    }

    /** How many elements were put and not yet marked done (a snapshot). */
    public long unfinishedTasks() {
        return state.unfinished();
    }
}

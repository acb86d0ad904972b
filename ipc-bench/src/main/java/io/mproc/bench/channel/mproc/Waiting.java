package io.mproc.bench.channel.mproc;

import io.mproc.wait.WaitStrategy;

import java.util.function.Supplier;

/** The mproc wait strategy both sides of a channel use. */
public enum Waiting {
    /** {@link WaitStrategy#busySpin()}: lowest latency, a core each. */
    BUSY_SPIN(WaitStrategy::busySpin, false),
    /** {@link WaitStrategy#spinThenBlock()}: mproc's default; spins briefly, then sleeps in the futex. */
    SPIN_THEN_BLOCK(WaitStrategy::spinThenBlock, true);

    private final Supplier<WaitStrategy> strategy;
    private final boolean blocks;

    Waiting(Supplier<WaitStrategy> strategy, boolean blocks) {
        this.strategy = strategy;
        this.blocks = blocks;
    }

    /** A fresh strategy of this kind, for one side. */
    public WaitStrategy strategy() {
        return strategy.get();
    }

    /** Whether a waiting side may sleep in the kernel. */
    public boolean blocks() {
        return blocks;
    }
}

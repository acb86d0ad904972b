package io.mproc.bench.channel.sync;

import io.mproc.bench.channel.mproc.Waiting;
import io.mproc.memory.RegionNamespace;
import io.mproc.sync.SharedSemaphore;

/**
 * A round trip through two {@link SharedSemaphore}s, {@code ping} and {@code pong}, created with
 * 0 permits:
 * <pre>
 *   pinger: ping.release(); pong.acquire();
 *   ponger: ping.acquire(); pong.release();
 * </pre>
 * A permit is a turn that cannot be lost: a release before the other side waits stays in the
 * count until it acquires. Each round trip is one release waking one acquire each way, and both
 * counts are back at 0 after it. The ledger counts the permits each acquirer took as held by
 * its process (the semaphore is used as a signal), as it would for any application doing this.
 */
public final class SemaphoreHandoff extends TurnHandoff {

    public SemaphoreHandoff(Waiting waiting) {
        super("semaphore", waiting);
    }

    @Override
    Turn create(RegionNamespace namespace, String name) {
        return turn(SharedSemaphore.create(namespace, name, 0));
    }

    @Override
    Turn attach(RegionNamespace namespace, String name) {
        return turn(SharedSemaphore.attach(namespace, name));
    }

    private Turn turn(SharedSemaphore semaphore) {
        semaphore.setWaitStrategy(strategy());
        return new Turn() {
            @Override
            public void give() {
                semaphore.release();
            }

            @Override
            public void take() throws InterruptedException {
                semaphore.acquire();
            }
        };
    }
}

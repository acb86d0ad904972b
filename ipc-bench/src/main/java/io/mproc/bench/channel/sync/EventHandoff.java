package io.mproc.bench.channel.sync;

import io.mproc.bench.channel.mproc.Waiting;
import io.mproc.memory.RegionNamespace;
import io.mproc.sync.SharedEvent;

/**
 * A round trip through two {@link SharedEvent}s, {@code ping} and {@code pong}, both clear at
 * the start:
 * <pre>
 *   pinger: ping.set(); pong.await(); pong.clear();
 *   ponger: ping.await(); ping.clear(); pong.set();
 * </pre>
 * Each event is set by one side and cleared by the other, and each side clears the event it
 * waited for before it sets the other side's: the ponger clears {@code ping} before it sets
 * {@code pong}, so when the pinger sees {@code pong} set, {@code ping} is clear again and its
 * next {@code set()} is a new turn; the pinger clears {@code pong} before the next
 * {@code ping.set()}, which the ponger must see before it sets {@code pong} again. So no set is
 * lost or seen twice, and a round trip is exactly one hand-off each way: one {@code set()}
 * waking one {@code await()}.
 */
public final class EventHandoff extends TurnHandoff {

    public EventHandoff(Waiting waiting) {
        super("event", waiting);
    }

    @Override
    Turn create(RegionNamespace namespace, String name) {
        return turn(SharedEvent.create(namespace, name));
    }

    @Override
    Turn attach(RegionNamespace namespace, String name) {
        return turn(SharedEvent.attach(namespace, name));
    }

    private Turn turn(SharedEvent event) {
        event.setWaitStrategy(strategy());
        return new Turn() {
            @Override
            public void give() {
                event.set();
            }

            @Override
            public void take() throws InterruptedException {
                event.await();
                event.clear();
            }
        };
    }
}

package io.mproc.bench.harness;

import io.mproc.bench.BenchContext;
import io.mproc.bench.Suite;
import io.mproc.bench.channel.ChannelCatalog;
import io.mproc.bench.channel.PingPongChannel;
import io.mproc.bench.result.TargetCatalog;

import java.time.Duration;

/**
 * Hand-off round trips between two JVMs through mproc's synchronisation objects: the catalog's
 * {@link ChannelCatalog#handoffNames() hand-off channels} (event, lock, semaphore; see
 * {@code io.mproc.bench.channel.sync}), each under its own name as subject. A busy-spinning
 * channel ({@code <primitive>-spin}) runs back to back like the ping-pongs; one with mproc's
 * default waiting ({@code <primitive>-blocking}) is measured with its waiter really asleep:
 * the pinger pauses {@code PingPongSuite.ASLEEP_GAP} (1 ms) before each timed round trip, as the
 * {@code -asleep} ping-pongs and the {@code c-futex-cross-core-asleep} floor do, with the
 * same counts. The peer JVM and the measuring thread sit on different CPUs when pinning is on.
 */
public final class HandoffSuite implements Suite {

    /** A hand-off carries the turn alone. */
    private static final int PAYLOAD_BYTES = 0;

    @Override
    public String name() {
        return TargetCatalog.HANDOFF;
    }

    @Override
    public void run(BenchContext context) throws Exception {
        PingPongHarness harness = new PingPongHarness(context.pinning(), PingPongSuite.LIMIT);
        PingPongSuite.measureEach(context, name(), ChannelCatalog.handoffNames(),
            channel -> measure(context, harness, channel));
    }

    private void measure(BenchContext context, PingPongHarness harness, PingPongChannel channel) throws Exception {
        boolean asleep = channel.blocks();
        PingPongSuite.roundTrips(context, harness, channel, name(), channel.name(), PAYLOAD_BYTES,
            asleep ? context.profile().pingPongAsleep() : context.profile().pingPong(),
            asleep ? PingPongSuite.ASLEEP_GAP : Duration.ZERO);
    }
}

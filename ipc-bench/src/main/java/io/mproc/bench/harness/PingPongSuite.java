package io.mproc.bench.harness;

import io.mproc.bench.BenchContext;
import io.mproc.bench.Suite;
import io.mproc.bench.channel.ChannelCatalog;
import io.mproc.bench.channel.ChannelSpec;
import io.mproc.bench.channel.PingPongChannel;
import io.mproc.bench.latency.RepeatedLatency;
import io.mproc.bench.result.TargetCatalog;

import java.time.Duration;

/** Round-trip latency of every ping-pong channel in the catalog, 8-byte payload. */
public final class PingPongSuite implements Suite {

    private static final int PAYLOAD_BYTES = 8;
    private static final Duration LIMIT = Duration.ofMinutes(10);

    @Override
    public String name() {
        return TargetCatalog.PINGPONG;
    }

    @Override
    public void run(BenchContext context) throws Exception {
        PingPongHarness harness = new PingPongHarness(context.pinning(), LIMIT);
        for (String name : ChannelCatalog.pingPongNames()) {
            PingPongChannel channel = ChannelCatalog.pingPong(name);
            ChannelSpec spec = new ChannelSpec(context.shmDir(), "pingpong-" + name, PAYLOAD_BYTES);
            MeasuringThread.Outcome<RepeatedLatency> outcome = harness.measure(channel, spec, context.profile().pingPong());
            if (context.pinning().enabled() && !outcome.pinned()) {
                context.note(name() + "/" + name + ": the measuring thread could not be pinned "
                    + "(run the JVM with --enable-native-access=ALL-UNNAMED)");
            }
            outcome.value().writeRoundTrip(context.sink(), name(), name);
        }
    }
}

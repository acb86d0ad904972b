package io.mproc.bench.channel.mapped;

import io.mproc.bench.channel.ChannelSpec;
import io.mproc.bench.channel.PeerWatch;
import io.mproc.bench.channel.PingPongChannel;
import io.mproc.bench.channel.Pinger;
import io.mproc.bench.channel.Ponger;
import io.mproc.bench.channel.SpinWait;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * Two JVMs bounce a counter through two longs of a mapped file: the pinger release-stores n in
 * the ping slot and spins until the pong slot reads n; the ponger does the mirror image. It is
 * the JVM equivalent of the C cache-line floor, and the 8-byte payload is the counter itself.
 */
public final class MappedLongPingPong implements PingPongChannel {

    public static final String NAME = "mapped-long";

    /** The slots sit 128 bytes apart: adjacent-line prefetch would otherwise pair their lines. */
    private static final long PING = 0;
    private static final long PONG = 128;
    private static final long SIZE = 256;

    /** Coordinates (segment, offset): plain JIT-friendly acquire/release on the mapping. */
    private static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Pinger openPinger(ChannelSpec spec, PeerWatch watch) throws IOException {
        return new Side(MappedFile.create(spec.file(".pingpong"), SIZE), PING, PONG, watch);
    }

    @Override
    public Ponger openPonger(ChannelSpec spec, PeerWatch watch) throws IOException {
        return new Side(MappedFile.open(spec.file(".pingpong"), SIZE), PONG, PING, watch);
    }

    /** Either side: writes its own slot, waits on the other's. */
    private static final class Side implements Pinger, Ponger {
        private final MappedFile file;
        private final MemorySegment memory;
        private final long mine;
        private final long theirs;
        private final SpinWait spin;

        Side(MappedFile file, long mine, long theirs, PeerWatch watch) {
            this.file = file;
            this.memory = file.segment();
            this.mine = mine;
            this.theirs = theirs;
            this.spin = new SpinWait(watch);
        }

        @Override
        public void roundTrip(long sequence) {
            LONG.setRelease(memory, mine, sequence);
            awaitTheirs(sequence);
        }

        @Override
        public void echo(long sequence) {
            awaitTheirs(sequence);
            LONG.setRelease(memory, mine, sequence);
        }

        private void awaitTheirs(long sequence) {
            while ((long) LONG.getAcquire(memory, theirs) != sequence) {
                spin.idle();
            }
        }

        @Override
        public void close() {
            file.close();
        }
    }
}

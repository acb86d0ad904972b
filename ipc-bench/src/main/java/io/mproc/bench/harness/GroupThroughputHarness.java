package io.mproc.bench.harness;

import io.mproc.bench.Counts;
import io.mproc.bench.channel.ChannelSpec;
import io.mproc.bench.channel.PeerWatch;
import io.mproc.bench.channel.mproc.MpmcGroup;
import io.mproc.bench.latency.RepeatedValue;
import io.mproc.bench.machine.PinningPlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Throughput of {@link MpmcGroup}: {@value MpmcGroup#PRODUCERS} producer peers, one consumer
 * peer, and this JVM as the second consumer. Nothing is pinned (four processes share the
 * cores). This JVM timestamps the moments the consumers' shared tally crosses the end of the
 * warm-up and of each repetition of {@code perRep} messages.
 */
public final class GroupThroughputHarness {

    private final Duration limit;

    public GroupThroughputHarness(Duration limit) {
        this.limit = limit;
    }

    /** Messages per second of each repetition, all consumers together. */
    public RepeatedValue measure(ChannelSpec spec, Counts counts) throws Exception {
        long perProducer = (counts.total() + MpmcGroup.PRODUCERS - 1) / MpmcGroup.PRODUCERS;
        long total = perProducer * MpmcGroup.PRODUCERS;
        PinningPlan unpinned = PinningPlan.off("four processes share the cores");
        List<PeerProcess> peers = new ArrayList<>();
        try (MpmcGroup group = MpmcGroup.create(spec)) {
            for (int consumer = 1; consumer < MpmcGroup.CONSUMERS; consumer++) {
                peers.add(PeerProcess.start(unpinned, "group-consume", MpmcGroup.NAME, spec, total, limit));
            }
            for (PeerProcess peer : peers) {
                peer.awaitReady(Duration.ofSeconds(60));
            }
            for (int producer = 0; producer < MpmcGroup.PRODUCERS; producer++) {
                Map<String, String> options = new HashMap<>(spec.options());
                options.put(MpmcGroup.PRODUCER_OPTION, Integer.toString(producer));
                ChannelSpec producerSpec = new ChannelSpec(spec.dir(), spec.id(), spec.payloadBytes(), options);
                peers.add(PeerProcess.start(unpinned, "group-produce", MpmcGroup.NAME, producerSpec, perProducer, limit));
            }
            PeerWatch watch = () -> peers.forEach(peer -> peer.failureWatch().check());
            RepeatedValue rates = consume(group, counts, total, watch);
            for (PeerProcess peer : peers) {
                peer.awaitSuccess(Duration.ofSeconds(30));
            }
            return rates;
        } finally {
            peers.forEach(PeerProcess::close);
        }
    }

    private static RepeatedValue consume(MpmcGroup group, Counts counts, long total, PeerWatch watch) {
        long[] marks = new long[counts.reps() + 1];
        long[] times = new long[counts.reps() + 1];
        for (int mark = 0; mark <= counts.reps(); mark++) {
            marks[mark] = counts.warmup() + mark * counts.perRep();
        }
        MpmcGroup.Idle idle = new MpmcGroup.Idle(watch);
        int next = 0;
        long taken;
        while ((taken = group.taken()) < total) {
            while (next <= counts.reps() && taken >= marks[next]) {
                times[next++] = System.nanoTime();
            }
            if (group.drain() == 0) {
                idle.turn();
            }
        }
        long end = System.nanoTime();
        while (next <= counts.reps()) {
            times[next++] = end;
        }
        double[] rates = new double[counts.reps()];
        for (int rep = 0; rep < counts.reps(); rep++) {
            rates[rep] = counts.perRep() * 1e9 / Math.max(1, times[rep + 1] - times[rep]);
        }
        return new RepeatedValue(rates);
    }
}

package io.mproc.bench.harness;

import io.mproc.bench.BenchProfile;
import io.mproc.bench.Counts;
import io.mproc.bench.channel.ChannelSpec;
import io.mproc.bench.channel.PeerGoneException;
import io.mproc.bench.channel.PeerWatch;
import io.mproc.bench.channel.SpinWait;
import io.mproc.bench.channel.StreamConsumer;
import io.mproc.bench.channel.StreamProducer;
import io.mproc.bench.latency.RepeatedLatency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FixedRateHarnessTest {

    @TempDir
    Path dir;

    /** A clock that reads the times it is given, one per read. */
    private static final class ScriptedClock {
        private final long[] times;
        private int next;

        ScriptedClock(long... times) {
            this.times = times;
        }

        long read() {
            return times[Math.min(next++, times.length - 1)];
        }
    }

    /** A consumer that has a message whenever asked, {@code emptyPolls} times nothing first. */
    private static StreamConsumer alwaysOne(int[] drained) {
        return new StreamConsumer() {
            @Override
            public int drain(int limit) {
                assertEquals(1, limit, "messages are taken one at a time");
                drained[0]++;
                return 1;
            }

            @Override
            public void close() {
            }
        };
    }

    @Test
    void messageNIsScheduledAtStartPlusNMinusOneIntervals() {
        FixedRateSchedule schedule = new FixedRateSchedule(5_000, 1_000_000);
        assertEquals(5_000, schedule.intendedNanos(1));
        assertEquals(6_000, schedule.intendedNanos(2));
        assertEquals(5_000 + 999_000, schedule.intendedNanos(1_000));
        assertEquals(5_000 + 3_333_333, new FixedRateSchedule(5_000, 300_000).intendedNanos(1_001));
        assertThrows(IllegalArgumentException.class, () -> schedule.intendedNanos(0));
        assertThrows(IllegalArgumentException.class, () -> new FixedRateSchedule(0, 0));
    }

    @Test
    void ratesAreNamedAsSubjectsNameThem() {
        assertEquals("100k", FixedRateSchedule.label(100_000));
        assertEquals("1m", FixedRateSchedule.label(1_000_000));
        assertEquals("250", FixedRateSchedule.label(250));
    }

    @Test
    void theSenderWaitsForTheScheduleTheReceiverAnnounces() throws Exception {
        ChannelSpec spec = new ChannelSpec(dir, "fixedrate-x", 8, Map.of(FixedRateSchedule.RATE_OPTION, "100000"));
        CompletableFuture<FixedRateSchedule> sender = CompletableFuture.supplyAsync(() -> {
            try {
                return FixedRateSchedule.await(spec, PeerWatch.NONE);
            } catch (Exception failed) {
                throw new IllegalStateException(failed);
            }
        });
        Thread.sleep(50);
        assertTrue(!sender.isDone(), "the sender waits for the announcement");
        long before = System.nanoTime();
        FixedRateSchedule announced = FixedRateSchedule.announce(spec);
        assertTrue(announced.startNanos() - before >= FixedRateSchedule.LEAD.toNanos(), "starts ahead");
        assertEquals(announced, sender.get(10, TimeUnit.SECONDS));
        assertEquals(100_000, announced.ratePerSecond());
    }

    @Test
    void aSenderWhoseReceiverIsGoneStopsWaiting() {
        ChannelSpec spec = new ChannelSpec(dir, "fixedrate-y", 8, Map.of(FixedRateSchedule.RATE_OPTION, "100000"));
        PeerWatch gone = () -> {
            throw new PeerGoneException("bench JVM is gone");
        };
        assertThrows(PeerGoneException.class, () -> FixedRateSchedule.await(spec, gone));
    }

    @Test
    void eachMessageCountsFromItsScheduledSendNotFromWhenItWasSent() {
        FixedRateSchedule schedule = new FixedRateSchedule(1_000, 10_000_000); // one every 100 ns
        // Warm-up message 1 (not recorded), then messages 2..6: the sender stalled, so 2..5 all
        // arrive at 2,000 together and 6 on time 50 ns after its slot.
        ScriptedClock clock = new ScriptedClock(1_200, 2_000, 2_000, 2_000, 2_000, 1_550);
        int[] drained = {0};
        RepeatedLatency latency = FixedRateHarness.receive(alwaysOne(drained), schedule, new Counts(1, 1, 5),
            new SpinWait(PeerWatch.NONE), clock::read);
        assertEquals(6, drained[0]);
        // Scheduled at 1,100, 1,200, 1,300, 1,400, 1,500: waits 900, 800, 700, 600, then 50.
        assertEquals(5, latency.samples());
        assertEquals(700, latency.median(), 1);
        assertEquals(900, latency.max(), 1);
        assertEquals(50, latency.distribution().getFirst().value(), 1);
    }

    @Test
    void repetitionsSplitTheMessagesAndTheDistributionHoldsThemAll() {
        FixedRateSchedule schedule = new FixedRateSchedule(0, 1_000_000_000); // one every ns
        long[] arrivals = new long[7];
        for (int i = 0; i < arrivals.length; i++) {
            arrivals[i] = i + (i < 4 ? 10 : 1_000); // rep 1 (messages 2-4) 10 ns late, rep 2 (5-7) 1 µs
        }
        RepeatedLatency latency = FixedRateHarness.receive(alwaysOne(new int[1]), schedule, new Counts(1, 2, 3),
            new SpinWait(PeerWatch.NONE), new ScriptedClock(arrivals)::read);
        assertEquals(2, latency.repetitions().size());
        assertEquals(10, latency.medianMin(), 1);
        assertEquals(1_000, latency.medianMax(), 1);
        assertEquals(6, latency.samples());
        assertEquals(1_000, latency.distribution().getLast().value(), 1);
    }

    @Test
    void theSenderWaitsForEachSlotAndSendsLateMessagesAtOnce() {
        FixedRateSchedule schedule = new FixedRateSchedule(1_000, 10_000_000); // 1,000, 1,100, 1,200
        List<long[]> sent = new ArrayList<>();
        // Reads: 900 (early for 1), 1,000 (send 1), 1,500 (2 is late: at once), 1,500 (3 late too).
        ScriptedClock clock = new ScriptedClock(900, 1_000, 1_500, 1_500);
        long[] now = {0};
        StreamProducer producer = new StreamProducer() {
            @Override
            public void send(long value) {
                sent.add(new long[] {value, now[0]});
            }

            @Override
            public void close() {
            }
        };
        FixedRateHarness.send(producer, schedule, 3, new SpinWait(PeerWatch.NONE), () -> now[0] = clock.read());
        assertEquals(List.of(1L, 2L, 3L), sent.stream().map(s -> s[0]).toList());
        assertEquals(List.of(1_000L, 1_500L, 1_500L), sent.stream().map(s -> s[1]).toList());
    }

    @Test
    void everyRateOfAPlanTakesTheSameTime() {
        FixedRatePlan quick = FixedRatePlan.of(BenchProfile.quick());
        assertEquals(List.of(100_000L, 1_000_000L), quick.rates());
        assertEquals(new Counts(50_000, 5, 10_000), quick.counts(100_000));
        assertEquals(new Counts(500_000, 5, 100_000), quick.counts(1_000_000));
        assertEquals(List.of(100_000L), FixedRatePlan.of(BenchProfile.smoke()).rates());
    }
}

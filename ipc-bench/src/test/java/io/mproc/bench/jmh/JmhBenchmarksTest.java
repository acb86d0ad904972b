package io.mproc.bench.jmh;

import io.mproc.bench.BenchProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openjdk.jmh.infra.Blackhole;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The benchmarks' own logic, called directly (JMH itself runs them with {@code --suite jmh} or
 * {@code -Pjmh}, never in the unit tests): each operation really moves a message or an element.
 */
class JmhBenchmarksTest {

    @ParameterizedTest
    @ValueSource(strings = {"spsc", "mpsc", "mpmc"})
    void everyRingOperationWritesAMessageAndReadsItBackSoTheRingNeverFills(String ring) throws Exception {
        RingBenchmark benchmark = new RingBenchmark();
        benchmark.ring = ring;
        benchmark.open();
        try {
            long sum = 0;
            for (long n = 1; n <= 100_000; n++) {
                sum = benchmark.claimCommitPoll();
                assertEquals(n * (n + 1) / 2, sum, "message " + n + " read back");
            }
            Blackhole hole = new Blackhole(
                "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
            for (int n = 0; n < 100_000; n++) {
                benchmark.offerPoll(hole);
            }
            assertTrue(benchmark.claimCommitPoll() > sum);
        } finally {
            benchmark.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"long", "string", "record", "standard-record"})
    void eachCodecDecodesWhatItEncoded(String element) {
        CodecBenchmark benchmark = new CodecBenchmark();
        benchmark.element = element;
        benchmark.prepare();
        assertTrue(benchmark.encode() > 0);
        Object decoded = benchmark.decode();
        Object expected = switch (element) {
            case "long" -> 1_234_567L;
            case "string" -> "orders/2026-11-24";
            default -> new CodecBenchmark.Order(42, 100, "MPRC");
        };
        assertEquals(expected, decoded);
    }

    @Test
    void subjectsNameTheBenchmarkTheMethodAndTheParameters() {
        assertEquals("ring-claimCommitPoll-spsc",
            JmhSuite.subject("io.mproc.bench.jmh.RingBenchmark.claimCommitPoll", List.of("spsc")));
        assertEquals("codec-decode-standard-record",
            JmhSuite.subject("io.mproc.bench.jmh.CodecBenchmark.decode", List.of("standard-record")));
    }

    @Test
    void onlyAFullRunIncludesJmhWhenNoSuiteIsNamed() {
        JmhSuite suite = new JmhSuite();
        assertTrue(suite.skippedUnlessNamed(BenchProfile.full()).isEmpty());
        assertTrue(suite.skippedUnlessNamed(BenchProfile.quick()).orElseThrow().contains("--suite jmh"));
        assertTrue(suite.skippedUnlessNamed(BenchProfile.smoke()).isPresent());
        assertEquals(new JmhPlan(2, 3, java.time.Duration.ofMillis(200)), JmhPlan.of(BenchProfile.quick()));
    }
}

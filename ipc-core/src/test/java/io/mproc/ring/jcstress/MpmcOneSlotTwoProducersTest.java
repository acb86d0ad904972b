package io.mproc.ring.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import io.mproc.ring.MpmcRing;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIII_Result;

/**
 * Two offers race for the only slot of an empty ring; afterwards the arbiter polls twice.
 * Result: offer 1 succeeded (1) or not (0), the same for offer 2, first poll, second poll.
 */
@JCStressTest
@Outcome(id = "1, 0, 1, -1", expect = ACCEPTABLE, desc = "Producer 1 won the slot; producer 2 found the ring full.")
@Outcome(id = "0, 1, 2, -1", expect = ACCEPTABLE, desc = "Producer 2 won the slot; producer 1 found the ring full.")
@Outcome(id = "1, 1, .*", expect = FORBIDDEN, desc = "Both claimed one slot: one message overwrote the other.")
@Outcome(id = "0, 0, .*", expect = FORBIDDEN, desc = "Both refused on an empty ring: a claim was lost.")
@Outcome(expect = FORBIDDEN, desc = "The stored message is not the winner's, is torn, or appears twice.")
@State
public class MpmcOneSlotTwoProducersTest {
    private final MpmcRing ring = MpmcJcstressSupport.ring(1);

    @Actor
    public void producer1(IIII_Result r) {
        r.r1 = MpmcJcstressSupport.offer(ring, 1) ? 1 : 0;
    }

    @Actor
    public void producer2(IIII_Result r) {
        r.r2 = MpmcJcstressSupport.offer(ring, 2) ? 1 : 0;
    }

    @Arbiter
    public void afterwards(IIII_Result r) {
        r.r3 = MpmcJcstressSupport.poll(ring);
        r.r4 = MpmcJcstressSupport.poll(ring);
    }
}

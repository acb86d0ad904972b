package io.mproc.ring.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import io.mproc.ring.MpmcRing;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * Two producers, one of which then consumes twice (two actors, so that it runs on 2 CPUs).
 * Result: the consumer's first and second poll.
 */
@JCStressTest
@Outcome(id = "2, -1", expect = ACCEPTABLE, desc = "Its own message was first; producer 1 had not committed yet.")
@Outcome(id = "2, 1", expect = ACCEPTABLE, desc = "Its own message was first, then producer 1's.")
@Outcome(id = "1, 2", expect = ACCEPTABLE, desc = "Producer 1 claimed and committed first; FIFO by claim.")
@Outcome(id = "-1, -1", expect = ACCEPTABLE,
    desc = "Producer 1 claimed first but had not committed: its claim holds up the consumer (documented).")
@Outcome(id = "-1, 1", expect = ACCEPTABLE, desc = "Producer 1's claim held up the first poll, then it committed.")
@Outcome(id = "-1, 2", expect = FORBIDDEN, desc = "A later message overtook an earlier claim: positions not FIFO.")
@Outcome(id = {"1, 1", "2, 2"}, expect = FORBIDDEN, desc = "One message delivered twice.")
@Outcome(id = "1, -1", expect = FORBIDDEN, desc = "The consumer's own committed message was lost.")
@Outcome(expect = FORBIDDEN, desc = "A torn or invented message.")
@State
public class MpmcTwoProducersOneConsumerTest {
    private final MpmcRing ring = MpmcJcstressSupport.ring(4);

    @Actor
    public void producer1() {
        MpmcJcstressSupport.offer(ring, 1);
    }

    @Actor
    public void producer2ThenConsumer(II_Result r) {
        MpmcJcstressSupport.offer(ring, 2);
        r.r1 = MpmcJcstressSupport.poll(ring);
        r.r2 = MpmcJcstressSupport.poll(ring);
    }
}

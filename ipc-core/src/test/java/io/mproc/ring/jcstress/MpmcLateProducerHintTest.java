package io.mproc.ring.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import io.mproc.ring.MpmcRing;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * Two producers race, so that the slower one's tail hint may land after the faster one's and
 * move the hint back; then a third message is offered from the stale hint and everything is
 * polled. Result: the three polls after both producers finished.
 */
@JCStressTest
@Outcome(id = {"1, 2, 3", "2, 1, 3"}, expect = ACCEPTABLE, desc = "Each message once, the late one last.")
@Outcome(expect = FORBIDDEN, desc = "A message lost, repeated, overwritten or out of claim order.")
@State
public class MpmcLateProducerHintTest {
    private final MpmcRing ring = MpmcJcstressSupport.ring(4);

    @Actor
    public void producer1() {
        MpmcJcstressSupport.offer(ring, 1);
    }

    @Actor
    public void producer2() {
        MpmcJcstressSupport.offer(ring, 2);
    }

    @Arbiter
    public void thirdThenPollAll(III_Result r) {
        MpmcJcstressSupport.offer(ring, 3);
        r.r1 = MpmcJcstressSupport.poll(ring);
        r.r2 = MpmcJcstressSupport.poll(ring);
        r.r3 = MpmcJcstressSupport.poll(ring);
    }
}

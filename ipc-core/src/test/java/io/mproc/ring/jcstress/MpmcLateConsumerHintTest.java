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
 * Two consumers race for the first two of three messages, so that the slower one's head hint
 * may move back; a third poll from the stale hint must find exactly the message left.
 * Result: consumer 1's poll, consumer 2's poll, the third poll.
 */
@JCStressTest
@Outcome(id = {"1, 2, 3", "2, 1, 3"}, expect = ACCEPTABLE, desc = "Each message once, in order of claim.")
@Outcome(expect = FORBIDDEN, desc = "A message lost, repeated, or taken out of order.")
@State
public class MpmcLateConsumerHintTest {
    private final MpmcRing ring = MpmcJcstressSupport.ring(4);

    public MpmcLateConsumerHintTest() {
        MpmcJcstressSupport.offer(ring, 1);
        MpmcJcstressSupport.offer(ring, 2);
        MpmcJcstressSupport.offer(ring, 3);
    }

    @Actor
    public void consumer1(III_Result r) {
        r.r1 = MpmcJcstressSupport.poll(ring);
    }

    @Actor
    public void consumer2(III_Result r) {
        r.r2 = MpmcJcstressSupport.poll(ring);
    }

    @Arbiter
    public void thirdPoll(III_Result r) {
        r.r3 = MpmcJcstressSupport.poll(ring);
    }
}

package io.mproc.ring.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import io.mproc.ring.MpmcRing;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IZI_Result;

/**
 * A full one-slot ring: a consumer takes the message while a producer offers the next one;
 * then the arbiter polls. Result: consumer's poll, producer's offer, arbiter's poll.
 */
@JCStressTest
@Outcome(id = "1, true, 2", expect = ACCEPTABLE, desc = "The offer came after the slot was freed; its message is next.")
@Outcome(id = "1, false, -1", expect = ACCEPTABLE, desc = "The offer found the ring still full and wrote nothing.")
@Outcome(id = "1, true, -1", expect = FORBIDDEN, desc = "An accepted offer's message was lost.")
@Outcome(id = "2, .*", expect = FORBIDDEN, desc = "The offer overwrote a message not yet consumed.")
@Outcome(expect = FORBIDDEN, desc = "A torn, invented or duplicated message.")
@State
public class MpmcFullRingTest {
    private final MpmcRing ring = MpmcJcstressSupport.ring(1);

    public MpmcFullRingTest() {
        MpmcJcstressSupport.offer(ring, 1);
    }

    @Actor
    public void consumer(IZI_Result r) {
        r.r1 = MpmcJcstressSupport.poll(ring);
    }

    @Actor
    public void producer(IZI_Result r) {
        r.r2 = MpmcJcstressSupport.offer(ring, 2);
    }

    @Arbiter
    public void afterwards(IZI_Result r) {
        r.r3 = MpmcJcstressSupport.poll(ring);
    }
}

package io.mproc.ring.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import io.mproc.ring.MpmcRing;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/** One committed message, two consumers polling at once: exactly one of them gets it. */
@JCStressTest
@Outcome(id = "5, -1", expect = ACCEPTABLE, desc = "Consumer 1 won the message; consumer 2 found the ring empty.")
@Outcome(id = "-1, 5", expect = ACCEPTABLE, desc = "Consumer 2 won the message; consumer 1 found the ring empty.")
@Outcome(id = "5, 5", expect = FORBIDDEN, desc = "Both consumers received the message: delivered twice.")
@Outcome(id = "-1, -1", expect = FORBIDDEN, desc = "Neither consumer received the committed message: lost.")
@Outcome(expect = FORBIDDEN, desc = "A torn or invented message.")
@State
public class MpmcTwoConsumersOneMessageTest {
    private final MpmcRing ring = MpmcJcstressSupport.ring(4);

    public MpmcTwoConsumersOneMessageTest() {
        MpmcJcstressSupport.offer(ring, 5);
    }

    @Actor
    public void consumer1(II_Result r) {
        r.r1 = MpmcJcstressSupport.poll(ring);
    }

    @Actor
    public void consumer2(II_Result r) {
        r.r2 = MpmcJcstressSupport.poll(ring);
    }
}

package io.mproc.ring.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import io.mproc.ring.MpmcRing;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.I_Result;

/** One offer against one poll: the consumer sees nothing or the whole message. */
@JCStressTest
@Outcome(id = "-1", expect = ACCEPTABLE, desc = "The poll came before the commit: it sees nothing.")
@Outcome(id = "7", expect = ACCEPTABLE, desc = "The poll came after the commit: it sees the whole payload.")
@Outcome(expect = FORBIDDEN, desc = "A torn or half-published message reached the consumer.")
@State
public class MpmcPublicationTest {
    private final MpmcRing ring = MpmcJcstressSupport.ring(2);

    @Actor
    public void producer() {
        MpmcJcstressSupport.offer(ring, 7);
    }

    @Actor
    public void consumer(I_Result r) {
        r.r1 = MpmcJcstressSupport.poll(ring);
    }
}

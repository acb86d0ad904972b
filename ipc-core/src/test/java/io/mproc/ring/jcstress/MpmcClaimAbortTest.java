package io.mproc.ring.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import io.mproc.ring.MessageRing;
import io.mproc.ring.MpmcRing;
import java.lang.foreign.ValueLayout;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * Zero-copy: a producer claims and aborts one message, then claims, writes in place and
 * commits another, while a consumer polls twice.
 */
@JCStressTest
@Outcome(id = "-1, -1", expect = ACCEPTABLE, desc = "Both polls came before the commit.")
@Outcome(id = {"2, -1", "-1, 2"}, expect = ACCEPTABLE, desc = "The committed message, whole, once.")
@Outcome(id = {"1, .*", ".*, 1"}, expect = FORBIDDEN, desc = "An aborted claim reached the consumer.")
@Outcome(expect = FORBIDDEN, desc = "A torn, duplicated or invented message.")
@State
public class MpmcClaimAbortTest {
    private final MpmcRing ring = MpmcJcstressSupport.ring(2);

    @Actor
    public void producer() {
        long aborted = ring.tryClaim(1, MpmcJcstressSupport.LENGTH);
        if (aborted != MessageRing.INSUFFICIENT_CAPACITY) {
            ring.buffer().set(ValueLayout.JAVA_LONG_UNALIGNED, aborted, MpmcJcstressSupport.first(1));
            ring.abort(aborted);
        }
        long index = ring.tryClaim(2, MpmcJcstressSupport.LENGTH);
        if (index != MessageRing.INSUFFICIENT_CAPACITY) {
            ring.buffer().set(ValueLayout.JAVA_LONG_UNALIGNED, index, MpmcJcstressSupport.first(2));
            ring.buffer().set(ValueLayout.JAVA_LONG_UNALIGNED, index + 8, MpmcJcstressSupport.second(2));
            ring.commit(index);
        }
    }

    @Actor
    public void consumer(II_Result r) {
        r.r1 = MpmcJcstressSupport.poll(ring);
        r.r2 = MpmcJcstressSupport.poll(ring);
    }
}

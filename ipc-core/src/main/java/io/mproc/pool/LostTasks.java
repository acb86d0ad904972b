package io.mproc.pool;

import java.util.ArrayList;
import java.util.List;

/**
 * What becomes of the tasks a worker had been sent when its process ended, worked out once
 * all the results it committed have been read: from its recorded progress
 * ({@link WorkerStatusLayout}), the task it was running fails with a
 * {@link WorkerDiedException} (or is sent again, while it has retries left); tasks it had not
 * started are sent again; tasks it finished but whose results it had not sent are sent again
 * too, so they may run twice. Tasks failed in the pool before sending are left alone.
 */
final class LostTasks {
    /** Batches to send again, in their original order. */
    final List<Batch> resend = new ArrayList<>();
    /** Failures to complete, outside the pool's lock. */
    final List<Runnable> failures = new ArrayList<>();

    private LostTasks() {
    }

    /**
     * @param pool       the pool's name
     * @param worker     the dead worker, its unanswered messages still in {@code outstanding}
     * @param progress   its last recorded progress
     * @param exitCode   its exit code
     * @param retries    how often a task running when its worker died is sent again
     */
    static LostTasks of(String pool, Worker worker, long progress, int exitCode, int retries) {
        LostTasks lost = new LostTasks();
        for (Sent sent : worker.outstanding) {
            int count = sent.batch.count();
            int running = WorkerStatusLayout.sequence(progress) == sent.sequence
                ? WorkerStatusLayout.index(progress) : -1;
            if (running >= count || running < sent.received || sent.unsent(running)) {
                running = -1; // done with the tasks (results unsent), or not started at all
            }
            int start = sent.received;
            for (int task = sent.received; task <= count; task++) {
                boolean cut = task == count || task == running || sent.unsent(task);
                if (cut) {
                    if (task > start) {
                        lost.resend.add(sent.batch.range(start, task));
                    }
                    start = task + 1;
                }
                if (task == running) {
                    lost.died(pool, worker, sent.batch, task, exitCode, retries);
                }
            }
        }
        return lost;
    }

    private void died(String pool, Worker worker, Batch batch, int task, int exitCode, int retries) {
        int attempts = task == 0 ? batch.attempt() : 0;
        if (attempts < retries) {
            resend.add(batch.retry(task));
            return;
        }
        Job job = batch.job();
        int index = batch.first() + task;
        Object[] outcome = {new TaskFailure(new WorkerDiedException(pool, worker.name, worker.pid, exitCode,
            job.describe(index)))};
        failures.add(() -> job.complete(index, outcome, 0, 1));
    }
}

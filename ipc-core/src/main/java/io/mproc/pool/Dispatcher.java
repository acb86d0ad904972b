package io.mproc.pool;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The work waiting in the pool and how it goes out: batches to send again first (tasks of a
 * worker that died), then the jobs in the order they came, each batch to the ready worker with
 * the fewest unanswered messages that still has credit. Used under the {@link Scheduler}'s lock
 * only.
 */
final class Dispatcher {
    private final TaskWriter writer;
    private final int maxTasksPerChild;
    private final ArrayDeque<Job> jobs = new ArrayDeque<>();
    private final ArrayDeque<Batch> resends = new ArrayDeque<>();

    Dispatcher(TaskWriter writer, int maxTasksPerChild) {
        this.writer = writer;
        this.maxTasksPerChild = maxTasksPerChild;
    }

    void add(Job job) {
        jobs.addLast(job);
    }

    /** Batches to send before anything else, in the order given. */
    void resendFirst(List<Batch> batches) {
        for (int i = batches.size() - 1; i >= 0; i--) {
            resends.addFirst(batches.get(i));
        }
    }

    /**
     * Sends batches while some worker may take one; failures of tasks that could not be sent are
     * added to {@code completions}.
     */
    void dispatch(Worker[] workers, List<Runnable> completions) {
        Worker worker;
        while ((worker = leastLoaded(workers)) != null) {
            Batch batch = nextBatch();
            if (batch == null) {
                return;
            }
            PoolFunction function = batch.job().function();
            Sent sent = worker.defines(function) || writer.define(worker, function)
                ? writer.write(worker, batch, completions) : null;
            if (sent == null) {
                worker.full = true;
                resends.addFirst(batch);
                continue;
            }
            if (sent.batch.count() < batch.count()) {
                resends.addFirst(batch.suffix(sent.batch.count()));
            }
            if (sent.batch.endOfChunk() && maxTasksPerChild > 0 && ++worker.chunksSent >= maxTasksPerChild) {
                worker.state = Worker.State.RETIRING;
            }
        }
    }

    /** Tells every ready or starting worker to stop after what it was sent. */
    void stop(Worker[] workers) {
        for (Worker worker : workers) {
            if (worker != null && (worker.state == Worker.State.READY || worker.state == Worker.State.STARTING)
                && writer.control(worker, TaskMessageLayout.STOP)) {
                worker.state = Worker.State.STOPPING;
            }
        }
    }

    private static Worker leastLoaded(Worker[] workers) {
        Worker best = null;
        for (Worker worker : workers) {
            if (worker != null && worker.acceptsTasks()
                && (best == null || worker.outstanding.size() < best.outstanding.size())) {
                best = worker;
            }
        }
        return best;
    }

    private Batch nextBatch() {
        Batch batch;
        while ((batch = resends.pollFirst()) != null) {
            if (!batch.job().isDone()) {
                return batch;
            }
        }
        for (Iterator<Job> waiting = jobs.iterator(); waiting.hasNext(); ) {
            Job job = waiting.next();
            batch = job.isDone() ? null : job.nextBatch();
            if (job.isDone() || job.exhausted()) {
                waiting.remove();
            }
            if (batch != null) {
                return batch;
            }
        }
        return null;
    }

    /** The single tasks ({@code apply}, {@code submit}, ...) that were never sent. */
    List<Job> unsentSingleTasks() {
        List<Job> unsent = new ArrayList<>();
        for (Job job : jobs) {
            if (job instanceof SingleTask<?> && !job.exhausted() && !job.isDone()) {
                unsent.add(job);
            }
        }
        for (Batch batch : resends) {
            if (batch.job() instanceof SingleTask<?> && !batch.job().isDone()) {
                unsent.add(batch.job());
            }
        }
        return unsent;
    }

    /** Forgets all waiting work; returns the jobs it belonged to. */
    List<Job> clear() {
        List<Job> waiting = new ArrayList<>(jobs);
        resends.forEach(batch -> waiting.add(batch.job()));
        jobs.clear();
        resends.clear();
        return waiting;
    }
}

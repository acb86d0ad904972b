package io.mproc.examples;

import io.mproc.memory.RegionNamespace;
import io.mproc.process.JvmProcess;
import io.mproc.queue.JoinableQueue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link JoinableQueue}: the parent puts ten tasks, two worker processes take them and mark
 * each one done with {@code taskDone()}, and the parent's {@code join()} returns once every
 * task is done (not merely taken). Then one stop task per worker sends them home. Python's
 * {@code JoinableQueue}, {@code task_done()} and {@code join()}.
 *
 * <pre>
 * worker-1 did task 1
 * worker-2 did task 2
 * ...
 * All 10 tasks are done.
 * </pre>
 */
public final class TaskQueue {
    private static final int TASKS = 10;
    private static final int WORKERS = 2;
    private static final int STOP = -1;

    private TaskQueue() {
    }

    static void work(JoinableQueue<Integer> tasks) throws InterruptedException {
        String me = JvmProcess.current().name();
        while (true) {
            int task = tasks.take();
            try {
                if (task == STOP) {
                    return;
                }
                Pause.sleep(Duration.ofMillis(100)); // the work
                System.out.println(me + " did task " + task);
            } finally {
                tasks.taskDone(); // done, even if the work failed: join() must not wait forever
            }
        }
    }

    public static void main(String[] args) throws InterruptedException {
        try (RegionNamespace namespace = RegionNamespace.open("tasks-example-" + ProcessHandle.current().pid())) {
            JoinableQueue<Integer> tasks = JoinableQueue.create(namespace, "tasks");
            List<JvmProcess<Void>> workers = new ArrayList<>();
            for (int i = 1; i <= WORKERS; i++) {
                workers.add(JvmProcess.run(TaskQueue::work, tasks).name("worker-" + i).start());
            }
            for (int task = 1; task <= TASKS; task++) {
                tasks.put(task);
            }
            tasks.join(); // every task taken and marked done
            System.out.println("All " + TASKS + " tasks are done.");
            for (int i = 0; i < WORKERS; i++) {
                tasks.put(STOP);
            }
            for (JvmProcess<Void> worker : workers) {
                worker.join();
                worker.close();
            }
        }
    }
}

package io.mproc.bench.machine;

import java.util.ArrayList;
import java.util.List;

/**
 * Which CPU the measuring thread and the peer process use, decided once per run. Pinning is on
 * when asked for and there are two CPUs or more: the measuring thread takes the first allowed
 * CPU, the peer the second. With one CPU spinning benchmarks are meaningless and the report
 * says so; without {@code taskset} the peer floats and the scheduler usually keeps it off the
 * busy CPU.
 */
public record PinningPlan(boolean enabled, int measuringCpu, int peerCpu, String taskset, String reason) {

    /** No pinning, with the reason the report gives. */
    public static PinningPlan off(String reason) {
        return new PinningPlan(false, -1, -1, null, reason);
    }

    /** The plan for this machine when pinning is {@code wanted}. */
    public static PinningPlan decide(boolean wanted) {
        if (!wanted) {
            return off("disabled (--no-pin)");
        }
        List<Integer> cpus = CpuList.allowed();
        if (cpus.size() < 2) {
            return off("only " + cpus.size() + " CPU allowed: spinning peers share it, spin figures are not meaningful");
        }
        String taskset = Executables.find("taskset");
        return new PinningPlan(true, cpus.get(0), cpus.get(1), taskset,
            taskset == null ? "taskset not found: peer JVM not pinned" : "");
    }

    /** The command prefix that pins a peer process, empty when it is not pinned. */
    public List<String> peerPrefix() {
        List<String> prefix = new ArrayList<>();
        if (enabled && taskset != null) {
            prefix.add(taskset);
            prefix.add("-c");
            prefix.add(Integer.toString(peerCpu));
        }
        return prefix;
    }

    /** Pins the calling (measuring) thread if the plan says so; returns whether it is pinned. */
    public boolean pinMeasuringThread() {
        return enabled && ThreadAffinity.pinCurrentThread(measuringCpu);
    }

    /** The plan as the report states it. */
    public String describe() {
        if (!enabled) {
            return "none: " + reason;
        }
        String peer = taskset != null ? "peer process on CPU " + peerCpu + " (taskset -c " + peerCpu + ")"
            : "peer process unpinned (" + reason + ")";
        return "measuring thread on CPU " + measuringCpu + " (sched_setaffinity of that thread only), " + peer
            + "; C floors pin their two processes to CPUs " + measuringCpu + " and " + peerCpu;
    }
}

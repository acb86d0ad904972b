"""Python's multiprocessing on this machine, measured the way ipc-bench measures mproc.

Run by the bench's python suite (io.mproc.bench.python.PythonSuite), which parses what this
prints; runnable alone too: python3 mp_bench.py [--smoke | --quick] [--method fork|spawn|forkserver]

Every figure is measured in several repetitions, after a warm-up, and printed one line per
repetition; the bench takes the median over repetitions and shows the spread, as for mproc:
  PYINFO key=value ...
  PYLAT subject=S rep=R count=N median_ns=.. p90_ns=.. p99_ns=.. p999_ns=.. max_ns=..
  PYVAL subject=S metric=M unit=U rep=R value=..
Times come from time.perf_counter_ns(), CLOCK_MONOTONIC on Linux: one clock for every process,
so a child's first statement can be timed from the parent's start().
"""
import multiprocessing as mp
import platform
import sys
import time

# Iterations per repetition (and warm-up) of each measurement, by size.
SIZES = {
    "smoke": dict(reps=2, warmup=20, queue=100, pipe=100, event=50, stream=2_000, fork=2, spawn=1,
                  map_n=10_000, apply_async=200, apply=50),
    "quick": dict(reps=3, warmup=200, queue=2_000, pipe=2_000, event=1_000, stream=50_000, fork=8, spawn=2,
                  map_n=1_000_000, apply_async=5_000, apply=1_000),
    "full": dict(reps=5, warmup=1_000, queue=20_000, pipe=20_000, event=5_000, stream=200_000, fork=20,
                 spawn=10, map_n=1_000_000, apply_async=20_000, apply=5_000),
}


def percentile(sorted_ns, p):
    """The value at or below which p percent of the samples fall (nearest rank)."""
    rank = max(1, -(-len(sorted_ns) * p // 100))  # ceil(n * p / 100)
    return sorted_ns[min(len(sorted_ns), int(rank)) - 1]


def print_latency(subject, rep, samples_ns):
    s = sorted(samples_ns)
    print(f"PYLAT subject={subject} rep={rep} count={len(s)} median_ns={percentile(s, 50)} "
          f"p90_ns={percentile(s, 90)} p99_ns={percentile(s, 99)} p999_ns={percentile(s, 99.9)} "
          f"max_ns={s[-1]}", flush=True)


def print_value(subject, metric, unit, rep, value):
    print(f"PYVAL subject={subject} metric={metric} unit={unit} rep={rep} value={value:.6g}", flush=True)


def timed_rounds(subject, size, per_rep, step):
    """Warm-up, then size['reps'] repetitions of per_rep timed calls of step()."""
    clock = time.perf_counter_ns
    for _ in range(size["warmup"]):
        step()
    for rep in range(1, size["reps"] + 1):
        samples = []
        for _ in range(per_rep):
            t = clock()
            step()
            samples.append(clock() - t)
        print_latency(subject, rep, samples)


def rounds_for(size, per_rep):
    return size["warmup"] + size["reps"] * per_rep


# Children. Module-level so that spawn and forkserver can find them.

def queue_echo(qin, qout, n):
    for _ in range(n):
        qout.put(qin.get())


def pipe_echo(conn, n):
    for _ in range(n):
        conn.send(conn.recv())


def event_echo(ping, pong, n):
    for _ in range(n):
        ping.wait()
        ping.clear()
        pong.set()


def sink(q, n, done):
    for _ in range(n):
        q.get()
    done.set()


def mark_start(first_statement_ns):
    first_statement_ns.value = time.perf_counter_ns()


def square(x):
    return x * x


# Measurements.

def queue_rtt(ctx, size):
    n = size["queue"]
    a, b = ctx.Queue(), ctx.Queue()
    p = ctx.Process(target=queue_echo, args=(a, b, rounds_for(size, n)))
    p.start()
    timed_rounds("queue", size, n, lambda: (a.put(1), b.get()))
    p.join()


def pipe_rtt(ctx, size):
    n = size["pipe"]
    here, there = ctx.Pipe()
    p = ctx.Process(target=pipe_echo, args=(there, rounds_for(size, n)))
    p.start()
    timed_rounds("pipe", size, n, lambda: (here.send(1), here.recv()))
    p.join()


def event_rtt(ctx, size):
    n = size["event"]
    ping, pong = ctx.Event(), ctx.Event()
    p = ctx.Process(target=event_echo, args=(ping, pong, rounds_for(size, n)))
    p.start()

    def step():
        ping.set()
        pong.wait()
        pong.clear()

    timed_rounds("event", size, n, step)
    p.join()


def queue_throughput(ctx, size):
    """One-way ints through a Queue to a child that takes them all: from the first put to its last get."""
    n = size["stream"]
    for rep in range(0, size["reps"] + 1):  # rep 0 is the warm-up
        q, done = ctx.Queue(), ctx.Event()
        p = ctx.Process(target=sink, args=(q, n, done))
        p.start()
        t = time.perf_counter()
        for i in range(n):
            q.put(i)
        done.wait()
        dt = time.perf_counter() - t
        p.join()
        if rep > 0:
            print_value("queue", "msgs_per_s", "msgs/s", rep, n / dt)


def process_start(method, size):
    """start() to the child's first statement (as mproc's start suite times it), and start() + join()."""
    ctx = mp.get_context(method)
    runs = size[method] if method in size else size["spawn"]
    subject = "process-" + method
    first = ctx.Value("q", 0, lock=False)
    p = ctx.Process(target=mark_start, args=(first,))  # untimed: imports, page cache
    p.start()
    p.join()
    for rep in range(1, size["reps"] + 1):
        to_first, to_join = [], []
        for _ in range(runs):
            t = time.perf_counter_ns()
            p = ctx.Process(target=mark_start, args=(first,))
            p.start()
            p.join()
            to_join.append((time.perf_counter_ns() - t) / 1e6)
            to_first.append((first.value - t) / 1e6)
        print_value(subject, "start_median", "ms", rep, sorted(to_first)[len(to_first) // 2])
        print_value(subject, "start_join_median", "ms", rep, sorted(to_join)[len(to_join) // 2])


def pool(ctx, size):
    with ctx.Pool(2) as workers:
        workers.map(square, range(1_000))  # both workers up and warm
        timed_rounds("pool-apply", size, size["apply"], lambda: workers.apply(square, (3,)))
        for rep in range(1, size["reps"] + 1):
            t = time.perf_counter()
            workers.map(square, range(1, size["map_n"] + 1))
            print_value("pool-map-square-2-workers", "tasks_per_s", "tasks/s", rep,
                        size["map_n"] / (time.perf_counter() - t))
        n = size["apply_async"]
        for rep in range(1, size["reps"] + 1):
            t = time.perf_counter()
            pending = [workers.apply_async(square, (i,)) for i in range(n)]
            for result in pending:
                result.get()
            print_value("pool-apply-async", "tasks_per_s", "tasks/s", rep, n / (time.perf_counter() - t))


def main(argv):
    size_name, method = "full", "fork"
    args = list(argv)
    while args:
        arg = args.pop(0)
        if arg in ("--smoke", "--quick", "--full"):
            size_name = arg[2:]
        elif arg == "--method" and args:
            method = args.pop(0)
        else:
            print(f"usage: mp_bench.py [--smoke | --quick | --full] [--method fork|spawn|forkserver]; got {arg}",
                  file=sys.stderr)
            return 2
    size = SIZES[size_name]
    ctx = mp.get_context(method)
    print(f"PYINFO python={platform.python_version()} implementation={platform.python_implementation()} "
          f"method={method} size={size_name} reps={size['reps']}", flush=True)
    queue_rtt(ctx, size)
    pipe_rtt(ctx, size)
    event_rtt(ctx, size)
    queue_throughput(ctx, size)
    process_start("fork", size)
    process_start("spawn", size)
    pool(ctx, size)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

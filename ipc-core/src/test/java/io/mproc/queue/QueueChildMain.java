package io.mproc.queue;

import io.mproc.codec.CodecException;
import io.mproc.codec.Codecs;
import io.mproc.codec.Gadget;
import io.mproc.codec.SerialFilter;
import io.mproc.memory.RegionNamespace;
import java.util.ArrayList;
import java.util.Base64;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM that works on one queue as the parent's stdin commands say, one line each, and
 * answers on stdout. Args: {@code namespace queue} (attach by name, standard codec; a queue
 * name ending in {@code .joinable} attaches a JoinableQueue), or {@code handle <base64>} (a
 * serialized queue). Prints READY once attached.
 */
public final class QueueChildMain {
    private QueueChildMain() {
    }

    public static void main(String[] args) throws Exception {
        SharedQueue<Object> queue = open(args);
        System.out.println("READY " + queue.name());
        CommandChild.serve(words -> run(queue, words));
    }

    @SuppressWarnings("unchecked")
    static SharedQueue<Object> open(String[] args) {
        if (args[0].equals("handle")) {
            byte[] bytes = Base64.getDecoder().decode(args[1]);
            return (SharedQueue<Object>) SerialFilter.standard().deserialize(bytes, 0, bytes.length);
        }
        RegionNamespace namespace = RegionNamespace.open(args[0]);
        return args[1].endsWith(".joinable")
            ? JoinableQueue.attach(namespace, args[1], Codecs.standard())
            : SharedQueue.attach(namespace, args[1], Codecs.standard());
    }

    private static boolean run(SharedQueue<Object> queue, String[] words) throws Exception {
        switch (words[0]) {
            case "put" -> {
                for (int i = 1; i < words.length; i++) {
                    queue.put(Long.parseLong(words[i]));
                }
                System.out.println("PUT " + (words.length - 1));
            }
            case "putBad" -> {
                try {
                    queue.put(new Object());
                    System.out.println("PUTBAD accepted");
                } catch (CodecException refused) {
                    System.out.println("PUTBAD " + refused.getMessage());
                }
            }
            case "putGadget" -> {
                queue.put(new Gadget(words[1]));
                System.out.println("PUT gadget");
            }
            case "take" -> {
                List<Object> taken = new ArrayList<>();
                for (int i = 0; i < Integer.parseInt(words[1]); i++) {
                    taken.add(queue.take());
                }
                System.out.println("TOOK " + taken);
            }
            case "takeQueueAndPut" -> {
                // Takes a queue (a handle) from this queue and puts a number into it.
                @SuppressWarnings("unchecked")
                SharedQueue<Object> received = (SharedQueue<Object>) queue.take();
                received.put(Long.parseLong(words[1]));
                System.out.println("PUT INTO " + received.name());
            }
            case "poll" -> {
                long start = System.nanoTime();
                Object taken = queue.poll(Long.parseLong(words[1]), TimeUnit.MILLISECONDS);
                System.out.println("POLL " + taken + " " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            }
            case "produce" -> produce(queue, Integer.parseInt(words[1]), Long.parseLong(words[2]));
            case "consume" -> consume(queue, Integer.parseInt(words[1]), Integer.parseInt(words[2]));
            case "forward" -> forward(queue, QueueChildMain.open(new String[] {words[1], words[2]}));
            case "taskDone" -> {
                for (int i = 0; i < Integer.parseInt(words[1]); i++) {
                    ((JoinableQueue<Object>) queue).taskDone();
                }
                System.out.println("DONE " + words[1]);
            }
            case "join" -> {
                ((JoinableQueue<Object>) queue).join();
                System.out.println("JOINED");
            }
            case "shape" -> System.out.println("SHAPE " + queue.shape());
            case "close" -> {
                queue.close();
                System.out.println("CLOSED");
            }
            default -> System.out.println("FAILED unknown command " + String.join(" ", words));
        }
        return true;
    }

    /** Puts {@code count} longs {@code id << 32 | seq}; prints PRODUCING after 1000 and PRODUCED at the end. */
    private static void produce(SharedQueue<Object> queue, int count, long id) throws InterruptedException {
        for (long seq = 0; seq < count; seq++) {
            queue.put(id << 32 | seq);
            if (seq == 1000) {
                System.out.println("PRODUCING");
            }
        }
        System.out.println("PRODUCED " + count);
    }

    /**
     * Takes until a negative element (the poison), checking that each producer's seqs rise;
     * prints one BITS line per producer (the seqs it got, as a Base64 bit set) and CONSUMED.
     */
    private static void consume(SharedQueue<Object> queue, int producers, int perProducer) throws InterruptedException {
        BitSet[] got = new BitSet[producers];
        long[] last = new long[producers];
        for (int p = 0; p < producers; p++) {
            got[p] = new BitSet(perProducer);
            last[p] = -1;
        }
        long count = 0;
        while (true) {
            long value = (Long) queue.take();
            if (value < 0) {
                break;
            }
            int producer = (int) (value >>> 32);
            long seq = value & 0xFFFF_FFFFL;
            if (seq <= last[producer]) {
                System.out.println("ORDER producer " + producer + " seq " + seq + " after " + last[producer]);
            }
            last[producer] = seq;
            got[producer].set((int) seq);
            count++;
        }
        for (int p = 0; p < producers; p++) {
            System.out.println("BITS " + p + " " + Base64.getEncoder().encodeToString(got[p].toByteArray()));
        }
        System.out.println("CONSUMED " + count);
    }

    /** Takes forever, putting every element into {@code results}; prints FORWARDING after 1000. */
    private static void forward(SharedQueue<Object> queue, SharedQueue<Object> results) throws InterruptedException {
        for (long n = 0; ; n++) {
            results.put(queue.take());
            if (n == 1000) {
                System.out.println("FORWARDING");
            }
        }
    }
}

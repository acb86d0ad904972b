package io.mproc.examples;

import io.mproc.codec.Codecs;
import io.mproc.memory.RegionInfo;
import io.mproc.memory.RegionNamespace;
import io.mproc.memory.RegionNotFoundException;
import io.mproc.queue.QueueOptions;
import io.mproc.queue.SharedQueue;

/**
 * Two unrelated JVMs, each started by hand, find each other's queues by name: no parent, no
 * handle passed, only the names both know. Run {@code serve} in one terminal, then
 * {@code connect} in another (as often as {@code serve} was told to answer, default once).
 *
 * <pre>
 * terminal 1 (named-queue serve)                     terminal 2 (named-queue connect)
 * serving: queues "requests" and "replies" in namespace "named-queue-example"
 *                                                    sent: hello from pid 4242
 * got: hello from pid 4242                           got: welcome, pid 4242
 * served 1 client; stopping
 * </pre>
 *
 * Both queues live in the server's namespace; when the server stops, closing it removes them.
 * A server killed before that leaves their files behind: the next server removes such
 * leftovers before it starts.
 */
public final class NamedQueue {
    /** The names both programs know. */
    static final String NAMESPACE = "named-queue-example";
    static final String REQUESTS = "requests";
    static final String REPLIES = "replies";

    private NamedQueue() {
    }

    public static void main(String[] args) throws InterruptedException {
        String role = args.length > 0 ? args[0] : "";
        switch (role) {
            case "serve" -> serve(args.length > 1 ? Integer.parseInt(args[1]) : 1);
            case "connect" -> {
                if (!connect()) {
                    System.exit(1);
                }
            }
            default -> {
                System.err.println("usage: named-queue serve [clients]   (then, in another terminal)   named-queue connect");
                System.exit(2);
            }
        }
    }

    static void serve(int clients) throws InterruptedException {
        try (RegionNamespace namespace = RegionNamespace.open(NAMESPACE)) {
            for (RegionInfo leftover : namespace.removeLeftovers()) {
                System.out.println("removed " + leftover.name() + ", left by a server that was killed");
            }
            SharedQueue<String> requests = SharedQueue.create(namespace, REQUESTS, Codecs.strings(),
                QueueOptions.defaults());
            SharedQueue<String> replies = SharedQueue.create(namespace, REPLIES, Codecs.strings(),
                QueueOptions.defaults());
            System.out.println("serving: queues \"" + REQUESTS + "\" and \"" + REPLIES + "\" in namespace \""
                + NAMESPACE + "\"");
            for (int served = 0; served < clients; served++) {
                String request = requests.take();
                System.out.println("got: " + request);
                replies.put("welcome, pid " + request.substring(request.lastIndexOf(' ') + 1));
            }
            System.out.println("served " + clients + (clients == 1 ? " client" : " clients") + "; stopping");
        }
    }

    /** Returns false, having said why, when there is no server to connect to. */
    static boolean connect() throws InterruptedException {
        try (RegionNamespace namespace = RegionNamespace.open(NAMESPACE)) {
            SharedQueue<String> requests;
            SharedQueue<String> replies;
            try {
                requests = SharedQueue.attach(namespace, REQUESTS, Codecs.strings());
                replies = SharedQueue.attach(namespace, REPLIES, Codecs.strings());
            } catch (RegionNotFoundException noServer) {
                System.err.println("no server: start \"named-queue serve\" first (" + noServer.getMessage() + ")");
                return false;
            }
            String hello = "hello from pid " + ProcessHandle.current().pid();
            requests.put(hello);
            System.out.println("sent: " + hello);
            System.out.println("got: " + replies.take());
            return true;
        }
    }
}

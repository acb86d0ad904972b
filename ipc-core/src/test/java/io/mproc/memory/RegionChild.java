package io.mproc.memory;

/**
 * Child JVM for region tests. Commands:
 * <ul>
 *   <li>{@code attach-and-answer ns region}: attaches, reads the long the parent wrote at body
 *       offset 0, writes its negation at offset 8 (release), prints {@code SAW <value>}.</li>
 *   <li>{@code create-and-hang ns region}: creates a region, prints {@code CREATED}, sleeps until killed.</li>
 *   <li>{@code create-or-attach ns region}: races the others; prints {@code CREATED} or {@code ATTACHED}
 *       and increments the counter at body offset 0.</li>
 * </ul>
 */
public final class RegionChild {
    static final RegionKind KIND = new RegionKind("test.region", 1);

    public static void main(String[] args) throws Exception {
        String command = args[0];
        try (RegionNamespace namespace = RegionNamespace.open(args[1])) {
            switch (command) {
                case "attach-and-answer" -> {
                    Region region = namespace.attach(args[2], KIND);
                    long value = OrderedAccess.getLongAcquire(region.body(), 0);
                    OrderedAccess.setLongRelease(region.body(), 8, -value);
                    System.out.println("SAW " + value);
                }
                case "create-and-hang" -> {
                    namespace.create(args[2], KIND, 4096, null);
                    System.out.println("CREATED");
                    Thread.sleep(Long.MAX_VALUE);
                }
                case "create-or-attach" -> {
                    Region region = namespace.createOrAttach(args[2], KIND, 4096, null);
                    OrderedAccess.getAndAddLong(region.body(), 0, 1);
                    System.out.println(region.created() ? "CREATED" : "ATTACHED");
                    // The parent unlinks; a creator must not unlink before the others attached.
                    if (region.created()) {
                        namespace.disown(region);
                    }
                }
                default -> throw new IllegalArgumentException("command=" + command);
            }
        }
    }
}

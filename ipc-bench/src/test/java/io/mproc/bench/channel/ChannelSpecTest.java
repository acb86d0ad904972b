package io.mproc.bench.channel;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ChannelSpecTest {

    @Test
    void travelsToThePeerAsArguments() {
        ChannelSpec spec = new ChannelSpec(Path.of("/dev/shm/x"), "pingpong-ring", 64, Map.of("wait", "spin"));
        Map<String, String> parsed = new HashMap<>();
        for (String arg : spec.toArgs()) {
            int eq = arg.indexOf('=');
            parsed.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        assertEquals(spec, ChannelSpec.fromArgs(parsed));
        assertEquals(Path.of("/dev/shm/x/pingpong-ring.ring"), spec.file(".ring"));
    }

    @Test
    void anIdMustBeAPlainName() {
        assertThrows(IllegalArgumentException.class, () -> new ChannelSpec(Path.of("/tmp"), "../evil", 8));
    }

    @Test
    void everyCatalogChannelIsFoundByItsName() {
        for (String name : ChannelCatalog.pingPongNames()) {
            assertEquals(name, ChannelCatalog.pingPong(name).name());
        }
        for (String name : ChannelCatalog.streamNames()) {
            assertEquals(name, ChannelCatalog.stream(name).name());
        }
        assertThrows(IllegalArgumentException.class, () -> ChannelCatalog.pingPong("nope"));
    }
}

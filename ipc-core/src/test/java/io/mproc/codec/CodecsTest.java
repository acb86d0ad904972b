package io.mproc.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The built-in codecs and the filter, in one JVM (the queue tests cross processes with them). */
class CodecsTest {
    private final MemorySegment buffer = Arena.ofAuto().allocate(1 << 16);

    private <E> E roundTrip(Codec<E> codec, E value) {
        int length = codec.encodedLength(value);
        buffer.fill((byte) 0x5A);
        codec.encode(value, buffer, 3);
        return codec.decode(buffer, 3, length);
    }

    @Test
    void scalarCodecsRoundTripWithTheirFixedLengths() {
        assertEquals(-7L, roundTrip(Codecs.longs(), -7L));
        assertEquals(8, Codecs.longs().encodedLength(1L));
        assertEquals(Integer.MIN_VALUE, roundTrip(Codecs.ints(), Integer.MIN_VALUE));
        assertEquals(Math.PI, roundTrip(Codecs.doubles(), Math.PI));
        assertArrayEquals(new byte[] {1, 2, 3}, roundTrip(Codecs.bytes(), new byte[] {1, 2, 3}));
        var wrong = assertThrows(CodecException.class, () -> Codecs.longs().decode(buffer, 0, 4));
        assertEquals("cannot decode a Long from 4 bytes (expected: 8)", wrong.getMessage());
    }

    @Test
    void stringsAreTheSameUtf8AsTheJdkWrites() {
        for (String text : List.of("", "plain", "caf\u00e9", "\u20ac uro", "emoji \ud83d\ude00", "lone \ud800 high",
            "lone \udc00 low", "end \ud83d")) {
            byte[] jdk = text.getBytes(StandardCharsets.UTF_8);
            assertEquals(jdk.length, Codecs.strings().encodedLength(text), text);
            Codecs.strings().encode(text, buffer, 0);
            assertArrayEquals(jdk, buffer.asSlice(0, jdk.length).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE), text);
            assertEquals(new String(jdk, StandardCharsets.UTF_8), roundTrip(Codecs.strings(), text));
        }
    }

    @Test
    void standardCodecTagsBoxedValuesStringsArraysAndRecords() {
        Codec<Object> codec = Codecs.standard();
        for (Object value : List.of(1L, 2, (short) 3, (byte) 4, 'c', true, 1.5f, 2.5d, "text")) {
            assertEquals(value, roundTrip(codec, value));
        }
        assertArrayEquals(new byte[] {9, 8}, (byte[]) roundTrip(codec, new byte[] {9, 8}));
        assertEquals(9, codec.encodedLength(42L), "a tag byte and the long");
        Trade trade = new Trade(7, "ACME", 12.5, null, new byte[] {1}, new Trade.Venue("X", 'x', true));
        Trade back = (Trade) roundTrip(codec, trade);
        assertEquals(trade.symbol(), back.symbol());
        assertEquals(trade.venue(), back.venue());
        assertEquals(null, back.quantity());
        assertArrayEquals(trade.note(), back.note());
    }

    @Test
    void recordCodecNeedsNoClassNameAndRefusesOtherComponentTypes() {
        Codec<Trade> codec = Codecs.record(Trade.class);
        Trade trade = new Trade(1, "B", 2, 3, new byte[0], new Trade.Venue("V", 'v', false));
        assertEquals(trade.venue(), roundTrip(codec, trade).venue());
        assertTrue(codec.encodedLength(trade) < Codecs.standard().encodedLength(trade));
        var thrown = assertThrows(IllegalArgumentException.class, () -> Codecs.record(WithList.class));
        assertTrue(thrown.getMessage().contains("component of type java.util.List"), thrown.getMessage());
    }

    /** A record the record codec cannot take field by field. */
    public record WithList(List<String> items) implements java.io.Serializable {
    }

    @Test
    void standardCodecSerializesJdkValueTypesThroughTheFilter() {
        Codec<Object> codec = Codecs.standard();
        List<Object> values = List.of(new ArrayList<>(List.of(1, "a")), new HashMap<>(Map.of("k", 1L)),
            new TreeMap<>(Map.of(2, "b")), List.of(1, 2, 3), Map.of("x", List.of()), LocalDate.of(2025, 1, 2),
            ZonedDateTime.parse("2025-01-02T03:04:05+01:00[Europe/Paris]"), new BigDecimal("1.25"),
            EnumSet.of(TimeUnit.SECONDS), TimeUnit.DAYS, new ConcurrentHashMap<>(Map.of("c", 3)),
            new WithList(List.of("r")));
        for (Object value : values) {
            assertEquals(value, roundTrip(codec, value), value.getClass().getName());
        }
        assertArrayEquals(new int[] {1, 2}, (int[]) roundTrip(codec, new int[] {1, 2}));
        assertArrayEquals(new String[] {"s"}, (String[]) roundTrip(codec, new String[] {"s"}));
    }

    @Test
    void anElementThatCannotBeEncodedNamesItsClass() {
        var thrown = assertThrows(CodecException.class, () -> Codecs.standard().encodedLength(new Object()));
        assertTrue(thrown.getMessage().startsWith("cannot encode an element of class java.lang.Object: not Serializable"),
            thrown.getMessage());
        var nested = assertThrows(CodecException.class,
            () -> Codecs.standard().encodedLength(new ArrayList<>(List.of(new Object()))));
        assertTrue(nested.getMessage().contains("java.lang.Object is not Serializable"), nested.getMessage());
    }

    @Test
    void damagedBytesRaiseACodecException() {
        buffer.fill((byte) 99);
        var thrown = assertThrows(CodecException.class, () -> Codecs.standard().decode(buffer, 0, 10));
        assertTrue(thrown.getMessage().contains("unknown tag 99"), thrown.getMessage());
        buffer.set(java.lang.foreign.ValueLayout.JAVA_BYTE, 0, TaggedValues.STRING);
        thrown = assertThrows(CodecException.class, () -> Codecs.standard().decode(buffer, 0, 10));
        assertTrue(thrown.getMessage().contains("length"), thrown.getMessage());
        buffer.set(java.lang.foreign.ValueLayout.JAVA_BYTE, 0, TaggedValues.SERIALIZED);
        assertThrows(CodecException.class, () -> Codecs.standard().decode(buffer, 0, 10));
    }

    @Test
    void aGadgetIsRefusedBeforeItsReadObjectRuns() {
        Gadget.readObjectRan = false;
        Codec<Object> codec = Codecs.standard();
        var thrown = assertThrows(CodecException.class, () -> roundTrip(codec, new Gadget(null)));
        assertEquals("class io.mproc.codec.Gadget is not allowed by the SerialFilter (refused before any of its"
            + " code ran; allow it with SerialFilter.standard().allowing(\"<class or package.*>\"))", thrown.getMessage());
        assertFalse(Gadget.readObjectRan);
        // Hidden inside an allowed collection: refused all the same.
        assertThrows(CodecException.class, () -> roundTrip(codec, new ArrayList<>(List.of(new Gadget(null)))));
        assertFalse(Gadget.readObjectRan);
    }

    @Test
    void userPatternsAllowAClassOrAPackageAndCanRefuse() {
        SerialFilter filter = SerialFilter.standard().allowing("io.mproc.codec.Gadget");
        Gadget.readObjectRan = false;
        roundTrip(Codecs.standard(filter), new Gadget(null));
        assertTrue(Gadget.readObjectRan, "allowed by the user's pattern");
        assertTrue(SerialFilter.standard().allowing("io.mproc.codec.*").allows(Gadget.class));
        assertFalse(SerialFilter.standard().allowing("!java.util.HashMap").allows(HashMap.class));
        assertThrows(IllegalArgumentException.class, () -> SerialFilter.standard().allowing("a;b"));
    }

    @Test
    void theFilterTravelsWithItsPatterns() {
        SerialFilter filter = SerialFilter.standard().allowing("com.example.**");
        byte[] bytes = SerialFilter.serialize(filter);
        assertEquals(filter, SerialFilter.standard().deserialize(bytes, 0, bytes.length));
        byte[] codec = SerialFilter.serialize(Codecs.standard(filter));
        assertEquals(Codecs.standard(filter), SerialFilter.standard().deserialize(codec, 0, codec.length));
        byte[] recordCodec = SerialFilter.serialize(Codecs.record(Trade.class));
        assertEquals(Codecs.record(Trade.class), SerialFilter.standard().deserialize(recordCodec, 0, recordCodec.length));
        byte[] longs = SerialFilter.serialize(Codecs.longs());
        assertEquals(Codecs.longs(), SerialFilter.standard().deserialize(longs, 0, longs.length));
    }

    @Test
    void recordsOfDisallowedTypesAreRefused() {
        assertFalse(SerialFilter.standard().allows(HoldsGadget.class));
        assertTrue(SerialFilter.standard().allows(WithList.class));
        assertTrue(SerialFilter.standard().allows(Trade.class));
        assertFalse(SerialFilter.standard().allows(Thread.class));
        assertTrue(SerialFilter.standard().allows(long[][].class));
    }

    /** A record whose component type is not allowed. */
    public record HoldsGadget(Gadget gadget) implements java.io.Serializable {
    }
}

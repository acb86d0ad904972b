package io.mproc.codec;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Untagged codecs for one element type each: the message is the value's bytes and nothing
 * else (native byte order: both ends run on the same machine). Enums, so that they are
 * singletons, serializable, and allowed by every {@link SerialFilter}.
 */
final class ScalarCodecs {
    private ScalarCodecs() {
    }

    static CodecException wrongLength(String what, int length, int expected) {
        return new CodecException("cannot decode a " + what + " from " + length + " bytes (expected: " + expected + ")");
    }

    enum LongCodec implements Codec<Long> {
        INSTANCE;

        @Override
        public int encodedLength(Long element) {
            return Long.BYTES;
        }

        @Override
        public void encode(Long element, MemorySegment target, long offset) {
            target.set(ValueLayout.JAVA_LONG_UNALIGNED, offset, element);
        }

        @Override
        public Long decode(MemorySegment source, long offset, int length) {
            if (length != Long.BYTES) {
                throw wrongLength("Long", length, Long.BYTES);
            }
            return source.get(ValueLayout.JAVA_LONG_UNALIGNED, offset);
        }
    }

    enum IntCodec implements Codec<Integer> {
        INSTANCE;

        @Override
        public int encodedLength(Integer element) {
            return Integer.BYTES;
        }

        @Override
        public void encode(Integer element, MemorySegment target, long offset) {
            target.set(ValueLayout.JAVA_INT_UNALIGNED, offset, element);
        }

        @Override
        public Integer decode(MemorySegment source, long offset, int length) {
            if (length != Integer.BYTES) {
                throw wrongLength("Integer", length, Integer.BYTES);
            }
            return source.get(ValueLayout.JAVA_INT_UNALIGNED, offset);
        }
    }

    enum DoubleCodec implements Codec<Double> {
        INSTANCE;

        @Override
        public int encodedLength(Double element) {
            return Double.BYTES;
        }

        @Override
        public void encode(Double element, MemorySegment target, long offset) {
            target.set(ValueLayout.JAVA_DOUBLE_UNALIGNED, offset, element);
        }

        @Override
        public Double decode(MemorySegment source, long offset, int length) {
            if (length != Double.BYTES) {
                throw wrongLength("Double", length, Double.BYTES);
            }
            return source.get(ValueLayout.JAVA_DOUBLE_UNALIGNED, offset);
        }
    }

    /** UTF-8, written straight into the ring. */
    enum StringCodec implements Codec<String> {
        INSTANCE;

        @Override
        public int encodedLength(String element) {
            return Utf8.length(element);
        }

        @Override
        public void encode(String element, MemorySegment target, long offset) {
            Utf8.write(element, target, offset);
        }

        @Override
        public String decode(MemorySegment source, long offset, int length) {
            return Utf8.read(source, offset, length);
        }
    }

    enum BytesCodec implements Codec<byte[]> {
        INSTANCE;

        @Override
        public int encodedLength(byte[] element) {
            return element.length;
        }

        @Override
        public void encode(byte[] element, MemorySegment target, long offset) {
            MemorySegment.copy(element, 0, target, ValueLayout.JAVA_BYTE, offset, element.length);
        }

        @Override
        public byte[] decode(MemorySegment source, long offset, int length) {
            byte[] bytes = new byte[length];
            MemorySegment.copy(source, ValueLayout.JAVA_BYTE, offset, bytes, 0, length);
            return bytes;
        }
    }
}

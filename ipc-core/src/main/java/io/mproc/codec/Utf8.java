package io.mproc.codec;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 written straight into mapped memory, without the intermediate {@code byte[]} of
 * {@link String#getBytes}. Same bytes as {@code getBytes(UTF_8)}: an unpaired surrogate becomes
 * {@code '?'}.
 */
final class Utf8 {
    private Utf8() {
    }

    /** The number of bytes {@link #write} produces for {@code text}. */
    static int length(String text) {
        int length = text.length();
        int bytes = length;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                continue;
            }
            if (c < 0x800) {
                bytes += 1;
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 2; // two chars, four bytes
                i++;
            } else if (Character.isSurrogate(c)) {
                continue; // unpaired: '?'
            } else {
                bytes += 2;
            }
        }
        return bytes;
    }

    /** Writes {@code text} at {@code offset}; returns the offset after it. */
    static long write(String text, MemorySegment target, long offset) {
        long at = offset;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                target.set(ValueLayout.JAVA_BYTE, at++, (byte) c);
            } else if (c < 0x800) {
                target.set(ValueLayout.JAVA_BYTE, at++, (byte) (0xC0 | (c >> 6)));
                target.set(ValueLayout.JAVA_BYTE, at++, (byte) (0x80 | (c & 0x3F)));
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                int code = Character.toCodePoint(c, text.charAt(++i));
                target.set(ValueLayout.JAVA_BYTE, at++, (byte) (0xF0 | (code >> 18)));
                target.set(ValueLayout.JAVA_BYTE, at++, (byte) (0x80 | ((code >> 12) & 0x3F)));
                target.set(ValueLayout.JAVA_BYTE, at++, (byte) (0x80 | ((code >> 6) & 0x3F)));
                target.set(ValueLayout.JAVA_BYTE, at++, (byte) (0x80 | (code & 0x3F)));
            } else if (Character.isSurrogate(c)) {
                target.set(ValueLayout.JAVA_BYTE, at++, (byte) '?');
            } else {
                target.set(ValueLayout.JAVA_BYTE, at++, (byte) (0xE0 | (c >> 12)));
                target.set(ValueLayout.JAVA_BYTE, at++, (byte) (0x80 | ((c >> 6) & 0x3F)));
                target.set(ValueLayout.JAVA_BYTE, at++, (byte) (0x80 | (c & 0x3F)));
            }
        }
        return at;
    }

    /** Reads {@code length} bytes of UTF-8 (malformed input becomes U+FFFD, as in {@code new String}). */
    static String read(MemorySegment source, long offset, int length) {
        byte[] bytes = new byte[length];
        MemorySegment.copy(source, ValueLayout.JAVA_BYTE, offset, bytes, 0, length);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}

package io.mproc.bench.result;

/**
 * The little JSON the bench writes, by hand: strings with the escapes RFC 8259 requires, and
 * numbers that every JSON reader accepts. No library is needed for flat objects of five keys.
 */
public final class JsonText {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonText() {
    }

    /** Appends {@code text} as a quoted JSON string. */
    public static void appendString(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                // U+2028 and U+2029 are legal JSON but break JavaScript readers of the lines.
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append("\\u").append(HEX[c >> 12 & 0xF]).append(HEX[c >> 8 & 0xF])
                            .append(HEX[c >> 4 & 0xF]).append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /**
     * Appends {@code value} as a JSON number: whole values without a fraction, others in
     * Java's shortest round-trip form; NaN and infinities, which JSON cannot carry, as null.
     */
    public static void appendNumber(StringBuilder out, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            out.append("null");
        } else if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            out.append((long) value);
        } else {
            out.append(value);
        }
    }

    /** One figure as a single-line JSON object with exactly the five keys of the format. */
    public static String figureLine(Figure figure) {
        StringBuilder out = new StringBuilder(128);
        out.append('{');
        appendString(out, "suite");
        out.append(':');
        appendString(out, figure.suite());
        out.append(',');
        appendString(out, "subject");
        out.append(':');
        appendString(out, figure.subject());
        out.append(',');
        appendString(out, "metric");
        out.append(':');
        appendString(out, figure.metric());
        out.append(',');
        appendString(out, "value");
        out.append(':');
        appendNumber(out, figure.value());
        out.append(',');
        appendString(out, "unit");
        out.append(':');
        appendString(out, figure.unit());
        out.append('}');
        return out.toString();
    }
}

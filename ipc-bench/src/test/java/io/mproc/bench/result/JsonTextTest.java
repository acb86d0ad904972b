package io.mproc.bench.result;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

class JsonTextTest {

    private static String quoted(String text) {
        StringBuilder out = new StringBuilder();
        JsonText.appendString(out, text);
        return out.toString();
    }

    @Test
    void escapesQuotesBackslashesAndControlCharacters() {
        assertEquals("\"a\\\"b\\\\c\"", quoted("a\"b\\c"));
        assertEquals("\"\\n\\r\\t\\b\\f\"", quoted("\n\r\t\b\f"));
        assertEquals("\"\\u0001\\u001f\"", quoted("\u0001\u001f"));
        assertEquals("\"\\u2028\"", quoted("\u2028"));
        assertEquals("\"µs ≤ 1.5×\"", quoted("µs ≤ 1.5×"));
    }

    @Test
    void writesNumbersJsonAccepts() {
        StringBuilder out = new StringBuilder();
        JsonText.appendNumber(out, 130);
        out.append(' ');
        JsonText.appendNumber(out, 1.25);
        out.append(' ');
        JsonText.appendNumber(out, 3.0e-7);
        out.append(' ');
        JsonText.appendNumber(out, Double.NaN);
        out.append(' ');
        JsonText.appendNumber(out, 4.2e18);
        assertEquals("130 1.25 3.0E-7 null 4.2E18", out.toString());
    }

    @Test
    void figureLineIsOneObjectWithExactlyTheFiveKeysAndRoundTrips() {
        Figure figure = new Figure("ping\"pong", "mapped\nlong", "rtt\\median", 123.5, "ns\t");
        String line = JsonText.figureLine(figure);
        assertFalse(line.contains("\n"), line);
        Map<String, Object> parsed = FlatJson.parseObject(line);
        assertEquals(java.util.List.of("suite", "subject", "metric", "value", "unit"), java.util.List.copyOf(parsed.keySet()));
        assertEquals(figure.suite(), parsed.get("suite"));
        assertEquals(figure.subject(), parsed.get("subject"));
        assertEquals(figure.metric(), parsed.get("metric"));
        assertEquals(123.5, parsed.get("value"));
        assertEquals(figure.unit(), parsed.get("unit"));
    }

    @Test
    void notANumberBecomesNull() {
        Map<String, Object> parsed = FlatJson.parseObject(JsonText.figureLine(new Figure("s", "x", "m", Double.NaN, "ns")));
        assertNull(parsed.get("value"));
    }
}

package org.kamaelia4j.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void writesAndParsesBackEveryKindOfValue() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("s", "a \"quoted\"\n\\ line\u0001");
        m.put("n", 42L);
        m.put("d", 1.5);
        m.put("b", true);
        m.put("z", null);
        m.put("l", List.of(1L, "two", List.of()));
        m.put("o", Map.of());
        String text = Json.write(m);
        assertEquals(m, Json.parse(text));
        Map<String, Object> nulls = new LinkedHashMap<>();
        nulls.put("n", 1);
        nulls.put("x", Arrays.asList(null, false));
        assertEquals("{\"n\":1,\"x\":[null,false]}", Json.write(nulls));
    }

    @Test
    void badTextIsRefusedWithItsPosition() {
        for (String bad : List.of("", "{", "[1,]", "{\"a\" 1}", "nul", "\"open", "1 2", "{a:1}")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parse(bad), bad);
            assertEquals(true, e.getMessage().startsWith("bad JSON at character"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> Json.object(Json.parse("[]")));
        assertEquals(-3.25e10, Json.parse(" -3.25e10 "));
        assertEquals("é\u20ac", Json.parse("\"\\u00e9\\u20AC\""));
    }
}

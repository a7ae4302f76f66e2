package org.plasticity.notebook.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void parsesAllValueKinds() {
        Object v = Json.parse(" {\"a\": [1, -2.5e1, true, false, null], \"s\": \"x\\\"\\n\\u00e9\\/\", \"o\": {}} ");
        Map<?, ?> m = (Map<?, ?>) v;
        assertEquals(List.of(1.0, -25.0, true, false), ((List<?>) m.get("a")).subList(0, 4));
        assertNull(((List<?>) m.get("a")).get(4));
        assertEquals("x\"\né/", m.get("s"));
        assertEquals(Map.of(), m.get("o"));
        assertEquals(List.of("a", "s", "o"), List.copyOf(m.keySet()), "key order kept");
    }

    @Test
    void quoteRoundTrips() {
        String s = "tab\there \"quoted\" back\\slash \u0001 é";
        assertEquals(s, Json.parse(Json.quote(s)));
    }

    @Test
    void errorsNameTheOffset() {
        for (String bad : List.of("{\"a\" 1}", "[1, 2", "\"open", "{} x", "nul", "[-]")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parse(bad), bad);
            assertTrue(e.getMessage().startsWith("invalid JSON at offset"), e.getMessage());
        }
    }
}

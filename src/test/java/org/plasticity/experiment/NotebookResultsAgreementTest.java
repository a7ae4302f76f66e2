package org.plasticity.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.plasticity.io.Json;
import org.plasticity.results.Profile;
import org.plasticity.results.ResultsCsv;

/**
 * The committed notebooks' "committed full-profile rows" tables agree with {@code results/reproduction.csv}:
 * the same number of rows (the table caption), and every row shown is a row of the file.
 */
class NotebookResultsAgreementTest {

    private static final Pattern ROW = Pattern.compile("<tr>(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern CELL = Pattern.compile("<td[^>]*>(.*?)</td>", Pattern.DOTALL);
    private static final Pattern COUNT = Pattern.compile("(\\d+) rows");

    @ParameterizedTest
    @CsvSource({"notebooks/02-equilibrium-propagation.ipynb, ep-standard",
        "notebooks/05-local-credit-assignment.ipynb, local-credit-assignment-compartmental",
        "notebooks/04-stochastic-spiking-ep.ipynb, stochastic-spiking-ep"})
    @SuppressWarnings("unchecked")
    void committedRowsTableMatchesTheCsv(String notebook, String paper) throws IOException {
        Map<String, Object> nb = (Map<String, Object>) Json.parse(Files.readString(Path.of(notebook)));
        String html = null;
        for (Object o : (List<Object>) nb.get("cells")) {
            Map<String, Object> cell = (Map<String, Object>) o;
            if (cell.get("cell_type").equals("code") && text(cell.get("source")).contains("committed full-profile rows")) {
                for (Object out : (List<Object>) cell.get("outputs")) {
                    Map<String, Object> data = (Map<String, Object>) ((Map<String, Object>) out).get("data");
                    if (data != null && data.get("text/html") != null) {
                        html = text(data.get("text/html"));
                    }
                }
            }
        }
        assertTrue(html != null, notebook + " has no executed 'committed full-profile rows' table");
        Set<List<String>> csv = new HashSet<>();
        ResultsCsv.at(Path.of("results")).reproductionRows(r -> r.paper().equals(paper) && r.profile() == Profile.FULL)
                .forEach(r -> csv.add(List.of(r.experiment(), r.metric())));
        Matcher count = COUNT.matcher(html);
        assertTrue(count.find(), "no row count in the table caption");
        assertEquals(csv.size(), Integer.parseInt(count.group(1)), notebook + " lists another number of rows than the CSV");
        List<List<String>> shown = new ArrayList<>();
        Matcher row = ROW.matcher(html);
        while (row.find()) {
            List<String> cells = new ArrayList<>();
            Matcher c = CELL.matcher(row.group(1));
            while (c.find()) {
                cells.add(c.group(1).trim());
            }
            if (cells.size() >= 3) {
                shown.add(List.of(cells.get(0), cells.get(2)));
            }
        }
        assertFalse(shown.isEmpty(), "no rows parsed from " + notebook);
        for (List<String> s : shown) {
            assertTrue(csv.contains(s), notebook + " shows " + s + ", which results/reproduction.csv does not hold");
        }
    }

    private static String text(Object source) {
        return source instanceof List<?> l ? String.join("", l.stream().map(String::valueOf).toList()) : String.valueOf(source);
    }
}

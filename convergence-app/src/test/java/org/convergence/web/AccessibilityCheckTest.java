package org.convergence.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AccessibilityCheckTest {

    @Test
    void aPageThatKeepsEveryRuleHasNoProblems() {
        String page = """
                <h1>Screen</h1><h2>Results</h2><h3>One</h3><h2>Notes</h2>
                <form><label for="name">Name</label><input id="name"><label>Kind <select name="kind"></select></label>
                <textarea aria-label="Comment"></textarea><span id="dob-label">Born</span><input aria-labelledby="dob-label">
                <input type="hidden" name="request"><button type="submit">Go</button></form>
                <img src="a.png" alt=""><svg role="img" aria-labelledby="t"><title id="t">Chart</title></svg>
                <svg role="img"><title>Another chart</title></svg>""";
        assertEquals(List.of(), AccessibilityCheck.problems(page));
    }

    @Test
    void eachBrokenRuleIsNamed() {
        String page = """
                <h2>Before the title</h2><h1>Title</h1><h3>Skipped a level</h3><h1>Second title</h1>
                <label for="other">Other</label><input id="name"><select></select><input aria-labelledby="missing">
                <img src="a.png"><svg role="img"><rect/></svg>""";
        List<String> problems = AccessibilityCheck.problems(page);
        assertEquals(8, problems.size(), problems.toString());
        assertEquals(3, problems.stream().filter(problem -> problem.startsWith("form field without a label")).count(), problems.toString());
        assertTrue(problems.contains("image without alt text: <img src=\"a.png\">"), problems.toString());
        assertTrue(problems.stream().anyMatch(problem -> problem.startsWith("SVG image without")), problems.toString());
        assertTrue(problems.contains("the page has 2 h1 headings; one is expected"), problems.toString());
        assertTrue(problems.stream().anyMatch(problem -> problem.startsWith("heading h2 follows no heading")), problems.toString());
        assertTrue(problems.stream().anyMatch(problem -> problem.startsWith("heading h3 follows h1")), problems.toString());
    }
}

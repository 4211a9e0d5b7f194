package org.convergence.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The basic accessibility rules every workbench page keeps, checked on its HTML: each form field has
 * a label (a {@code <label for>}, an enclosing label, {@code aria-label} or {@code aria-labelledby}),
 * each image has alt text, each SVG chart has a text alternative, there is exactly one {@code h1} and
 * headings never skip a level on the way down.
 */
final class AccessibilityCheck {
    /** Input types that label themselves (their value or alt) or are not shown. */
    private static final Set<String> SELF_LABELLED = Set.of("hidden", "submit", "button", "reset", "image");

    private AccessibilityCheck() {}

    /** Every rule broken by the page, one line each naming the element; empty when it keeps them all. */
    static List<String> problems(String html) {
        Document page = Jsoup.parse(html);
        List<String> problems = new ArrayList<>();
        for (Element field : page.select("input, select, textarea")) {
            if (!SELF_LABELLED.contains(field.attr("type").toLowerCase()) && !labelled(page, field)) {
                problems.add("form field without a label: " + field.outerHtml());
            }
        }
        for (Element image : page.select("img:not([alt])")) {
            problems.add("image without alt text: " + image.outerHtml());
        }
        for (Element chart : page.select("svg[role=img]")) {
            if (!chart.hasAttr("aria-label") && !referencesExist(page, chart.attr("aria-labelledby")) && !chart.children().is("title")) {
                problems.add("SVG image without aria-label, aria-labelledby or title: <svg id=\"" + chart.id() + "\">");
            }
        }
        headings(page, problems);
        return problems;
    }

    private static boolean labelled(Document page, Element field) {
        return !field.attr("aria-label").isBlank() || referencesExist(page, field.attr("aria-labelledby")) || field.closest("label") != null
                || !field.id().isEmpty() && page.selectFirst("label[for=" + cssString(field.id()) + "]") != null;
    }

    /** True when the space-separated ids all name elements of the page. */
    private static boolean referencesExist(Document page, String ids) {
        if (ids.isBlank()) {
            return false;
        }
        for (String id : ids.strip().split("\\s+")) {
            if (page.getElementById(id) == null) {
                return false;
            }
        }
        return true;
    }

    private static void headings(Document page, List<String> problems) {
        List<Element> headings = page.select("h1, h2, h3, h4, h5, h6");
        long h1 = headings.stream().filter(heading -> heading.normalName().equals("h1")).count();
        if (h1 != 1) {
            problems.add("the page has " + h1 + " h1 headings; one is expected");
        }
        int previous = 0;
        for (Element heading : headings) {
            int level = heading.normalName().charAt(1) - '0';
            if (level > previous + 1) {
                problems.add("heading h" + level + " follows " + (previous == 0 ? "no heading" : "h" + previous) + ": " + heading.outerHtml());
            }
            previous = level;
        }
    }

    private static String cssString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}

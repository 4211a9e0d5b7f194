package org.convergence.web;

import java.util.List;
import org.convergence.exposure.Exposure;
import org.convergence.exposure.ExposureHtml;

/**
 * The exposure page: the partners as pasted, and what each was found to be.
 *
 * @param partners the text as pasted, one partner a line
 * @param error why the partners were not checked, or null
 * @param results one per partner checked, in order
 */
public record ExposurePage(String partners, String error, List<Exposure> results) {
    public ExposurePage {
        results = List.copyOf(results);
    }

    static ExposurePage empty() {
        return new ExposurePage("", null, List.of());
    }

    /** A path drawn and its steps with their sources linked; every text in it is escaped. */
    public String path(Exposure.Path path) {
        return ExposureHtml.path(path);
    }

    public int maxPartners() {
        return ExposurePages.MAX_PARTNERS;
    }

    public long flagged() {
        return results.stream().filter(Exposure::flagged).count();
    }
}

package org.convergence.web;

import java.util.List;
import org.convergence.exposure.Exposure;
import org.convergence.exposure.ExposureHtml;

/**
 * The exposure page: the partners as pasted or the file uploaded, and what each was found to be.
 *
 * @param partners the text as pasted, one partner a line
 * @param error why the partners were not checked, or null
 * @param results the partners shown: every one pasted; of a file, the flagged ones first found
 * @param file of an uploaded file, its name, how its columns were read, the totals and the downloads; else null
 */
public record ExposurePage(String partners, String error, List<Exposure> results, FileRun file) {
    public ExposurePage {
        results = List.copyOf(results);
    }

    /**
     * An uploaded file's run.
     *
     * @param name the file's name
     * @param mapping how its columns were read
     * @param summary the totals, for people
     * @param downloads the path of the results, to which .jsonl, .csv or .html is added
     */
    public record FileRun(String name, String mapping, String summary, String downloads) {}

    static ExposurePage empty() {
        return new ExposurePage("", null, List.of(), null);
    }

    static ExposurePage refused(String error) {
        return new ExposurePage("", error, List.of(), null);
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

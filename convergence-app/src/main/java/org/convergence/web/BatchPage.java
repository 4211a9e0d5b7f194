package org.convergence.web;

import java.util.List;

/**
 * The outcome of screening an uploaded file: what was read and how, the totals, the first hits, the
 * rows not screened, and the links to download every result.
 *
 * @param file the uploaded file's name
 * @param input how its columns were read
 * @param summary the totals in one line
 * @param hits the first {@link ScreeningPages#HITS_SHOWN} hits, in input order
 * @param hitCount every hit (all in the downloads)
 * @param errors the rows not screened, with why
 * @param downloads the path of the downloads without extension: add .csv, .jsonl or .html
 */
public record BatchPage(String file, String input, String lists, String summary, List<Hit> hits, long hitCount, List<String> errors,
        String downloads) {

    public BatchPage {
        hits = List.copyOf(hits);
        errors = List.copyOf(errors);
    }

    /** One input row and one listed entity it matched. */
    public record Hit(long row, String reference, String name, String entityId, String caption, String dataset, String score, boolean match) {}
}

package org.convergence.web;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.convergence.ConvergenceException;
import org.convergence.exposure.Exposure;
import org.convergence.exposure.ExposureCheck;
import org.convergence.screening.Scope;
import org.convergence.screening.Screener;

/** The workbench's exposure page: partners pasted one a line, each checked as {@code convergence exposure} checks a file's rows. */
final class ExposurePages {
    /** Partners checked from one form: more belong in a file and the command line. */
    static final int MAX_PARTNERS = 50;

    private final Pages pages;
    private final Screener screener;
    private final ExposureCheck check;

    ExposurePages(Pages pages, Screener screener, ExposureCheck check) {
        this.pages = pages;
        this.screener = screener;
        this.check = check;
    }

    void form(Context ctx) {
        pages.render(ctx, "exposure.jte", Map.of("page", ExposurePage.empty()));
    }

    void check(Context ctx) {
        String text = Pages.form(ctx, "partners");
        List<String> partners = text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        ExposurePage page;
        if (partners.isEmpty()) {
            page = new ExposurePage(text, "Give at least one partner: a name or an affiliation, one a line.", List.of());
        } else if (partners.size() > MAX_PARTNERS) {
            page = new ExposurePage(text, "%d partners; at most %d are checked from this page: check a file with `convergence exposure FILE`."
                    .formatted(partners.size(), MAX_PARTNERS), List.of());
        } else {
            ExposureCheck.Settings settings = new ExposureCheck.Settings(Scope.Spec.of(Scope.ALL), screener.thresholds(), ScreeningPages.user(ctx),
                    ExposureCheck.Settings.DEFAULT_HOPS, ExposureCheck.Settings.DEFAULT_PATHS);
            List<Exposure> results = new ArrayList<>();
            try {
                for (int i = 0; i < partners.size(); i++) {
                    results.add(check.check(i + 1, "workbench exposure line " + (i + 1), new Screener.Query("workbench", "Organization",
                            Map.of("name", List.of(partners.get(i)))), settings));
                }
                page = new ExposurePage(text, null, results);
            } catch (ConvergenceException e) {
                page = new ExposurePage(text, e.getMessage(), results);
            }
        }
        pages.render(ctx, "exposure.jte", Map.of("page", page));
    }
}

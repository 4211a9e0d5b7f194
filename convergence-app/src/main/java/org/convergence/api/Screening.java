package org.convergence.api;

import io.javalin.http.Context;
import java.util.List;
import org.convergence.ConvergenceException;
import org.convergence.screening.Scope;
import org.convergence.screening.Screener;
import org.convergence.screening.Thresholds;
import org.convergence.screening.audit.AuditedResult;
import org.convergence.screening.audit.AuditedScreener;
import org.convergence.screening.audit.Requester;

/**
 * The screener as the HTTP API asks it: a request's scope and thresholds read from its parameters
 * alike for every endpoint, and one search per client query, which screening requests (match,
 * reconcile by POST) make through the audit log, with known false positives left out; lookups (search,
 * suggest) do not, and reconciliation by GET leaves out known false positives without recording. Thread-safe.
 */
final class Screening {
    private final Screener screener;
    private final AuditedScreener audited;

    Screening(Screener screener, AuditedScreener audited) {
        this.screener = screener;
        this.audited = audited;
    }

    Screener screener() {
        return screener;
    }

    /**
     * The scope a request asks for: the path's scope, narrowed by {@code include_dataset} and
     * {@code exclude_dataset}, checked against the store's datasets (an unknown scope is a 404 that
     * lists the scopes, an unknown dataset a 400). yente's {@code exclude_schema}, {@code topics} and
     * {@code changed_since} are refused with a 400 rather than ignored.
     */
    Scope.Spec scope(Context ctx) {
        Parameters.unsupported(ctx, "exclude_schema", "topics", "changed_since");
        Scope.Spec spec = new Scope.Spec(ctx.pathParam("scope"), Parameters.all(ctx, "include_dataset"), Parameters.all(ctx, "exclude_dataset"));
        screener.scope(spec);
        return spec;
    }

    /** The request's {@code threshold} and {@code cutoff}, each defaulting to the given ones. */
    static Thresholds thresholds(Context ctx, Thresholds defaults) {
        return new Thresholds(Parameters.fraction(ctx, "threshold", defaults.threshold()), Parameters.fraction(ctx, "cutoff", defaults.cutoff()));
    }

    /**
     * The best results for a query within a scope, at most {@code count}; an error (a query without a
     * name, say) names the query by its {@code key} in the batch.
     */
    List<Screener.Result> match(String key, Screener.Query query, Scope.Spec scope, int count, Thresholds thresholds) {
        try {
            return screener.match(query, screener.scope(scope), count, thresholds);
        } catch (ConvergenceException e) {
            throw named(key, e);
        }
    }

    /**
     * As {@link #match}, recorded in the audit log as asked by {@code requester} from {@code source}; results
     * the analysts of the requester's workspace marked false positives for this query, whose listed entity has not
     * changed since, are left out (the log keeps them, flagged).
     */
    List<Screener.Result> screen(String key, Screener.Query query, Scope.Spec scope, int count, Thresholds thresholds, Requester requester,
            String source) {
        try {
            return audited.screen(query, scope, count, thresholds, requester, source + " query " + key).raised().stream().map(AuditedResult::result).toList();
        } catch (ConvergenceException e) {
            throw named(key, e);
        }
    }

    /**
     * As {@link #screen}, known false positives left out alike, but not recorded: a lookup that a page of any site
     * can make a browser send.
     *
     * @param workspace the caller's workspace, whose false positives are left out; null outside any
     */
    List<Screener.Result> lookUp(String key, Screener.Query query, Scope.Spec scope, int count, Thresholds thresholds, String workspace) {
        try {
            return audited.lookUp(query, scope, count, thresholds, workspace).stream().filter(result -> !result.suppressed()).map(AuditedResult::result).toList();
        } catch (ConvergenceException e) {
            throw named(key, e);
        }
    }

    private static ConvergenceException named(String key, ConvergenceException e) {
        return new ConvergenceException(e.category(), "query '" + Parameters.shorten(key) + "': " + e.getMessage(), e);
    }
}

package org.convergence.web;

import io.javalin.http.Context;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Optional;
import org.convergence.http.Authentication;

/**
 * Signing in to the workbench and out of it, and switching the workspace a session works in. After signing in, the browser goes back to the page it asked for, if that
 * is a page of this server (never another site: an open redirect would lend this server's name to a phishing link).
 */
final class SignInPages {
    static final String PATH = "/workbench/login";
    static final String SIGN_OUT_PATH = "/workbench/logout";
    static final String WORKSPACE_PATH = "/workbench/workspace";

    private final Pages pages;
    private final Authentication authentication;

    SignInPages(Pages pages, Authentication authentication) {
        this.pages = pages;
        this.authentication = authentication;
    }

    void form(Context ctx) {
        render(pages, ctx, Pages.query(ctx, "next"), "");
    }

    void signIn(Context ctx) {
        String next = Pages.form(ctx, "next");
        String password = ctx.formParam("password");
        Optional<String> refused = authentication.signIn(ctx, Pages.form(ctx, "name"), password == null ? new char[0] : password.toCharArray());
        if (refused.isPresent()) {
            ctx.status(401);
            render(pages, ctx, next, refused.get());
            return;
        }
        ctx.redirect(ownPage(next), io.javalin.http.HttpStatus.SEE_OTHER);
    }

    void signOut(Context ctx) {
        authentication.signOut(ctx);
        ctx.redirect(PATH, io.javalin.http.HttpStatus.SEE_OTHER);
    }

    /**
     * POST {@value #WORKSPACE_PATH}: works in another of the user's workspaces from now on, and goes back to the page the
     * form was sent from (its {@code Referer}, which the browser sends to the same origin), if that is a page of this server.
     */
    void switchWorkspace(Context ctx) {
        authentication.switchWorkspace(ctx, Pages.form(ctx, "workspace"));
        ctx.redirect(ownPage(refererPath(ctx.header("Referer"))), io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private static String refererPath(String referer) {
        try {
            URI uri = referer == null ? null : new URI(referer);
            return uri == null || uri.getRawPath() == null ? null : uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        } catch (URISyntaxException e) {
            return null;
        }
    }

    static void render(Pages pages, Context ctx, String next, String problem) {
        pages.render(ctx, "login.jte", Map.of("next", ownPage(next), "problem", problem));
    }

    /** The page to go back to: a path of this server's workbench, else the overview. */
    private static String ownPage(String next) {
        boolean own = next != null && next.startsWith("/workbench") && !next.startsWith(PATH) && !next.contains("\\") && !next.contains("//");
        return own ? next : "/workbench";
    }
}

package org.convergence.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Optional;
import org.convergence.http.Authentication;
import org.convergence.http.OpenIdConnect;

/**
 * Signing in to the workbench and out of it, and switching the workspace a session works in. After signing in, the browser goes back to the page it asked for, if that
 * is a page of this server (never another site: an open redirect would lend this server's name to a phishing link).
 */
final class SignInPages {
    static final String PATH = "/workbench/login";
    static final String SIGN_OUT_PATH = "/workbench/logout";
    static final String PROVIDER_PATH = "/workbench/login/oidc";
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
        ctx.redirect(ownPage(next), HttpStatus.SEE_OTHER);
    }

    /** Sends the browser to the organisation's sign-in provider. */
    void signInWithProvider(Context ctx) {
        OpenIdConnect provider = authentication.openIdConnect().orElseThrow(() -> new NotFoundResponse(
                "this server has no sign-in provider: start it with --oidc-issuer, or sign in with a password"));
        ctx.redirect(provider.begin(ctx, ownPage(Pages.query(ctx, "next"))), HttpStatus.SEE_OTHER);
    }

    /**
     * The provider's answer: the person it vouches for is signed in, then sent on by a page of this server rather than a
     * redirect, because a browser withholds a {@code SameSite=Strict} cookie along a chain of redirects that began on
     * the provider's site.
     */
    void providerCallback(Context ctx) {
        OpenIdConnect provider = authentication.openIdConnect().orElseThrow(() -> new NotFoundResponse("this server has no sign-in provider"));
        OpenIdConnect.Verified verified = provider.finish(ctx);
        Optional<String> refused = authentication.signInVouchedFor(ctx, verified.account());
        if (refused.isPresent()) {
            ctx.status(403);
            render(pages, ctx, verified.next(), refused.get());
            return;
        }
        pages.render(ctx, "continue.jte", Map.of("next", ownPage(verified.next())));
    }

    void signOut(Context ctx) {
        authentication.signOut(ctx);
        ctx.redirect(PATH, HttpStatus.SEE_OTHER);
    }

    /**
     * POST {@value #WORKSPACE_PATH}: works in another of the user's workspaces from now on, and goes back to the page the
     * form was sent from (its {@code Referer}, which the browser sends to the same origin), if that is a page of this server.
     */
    void switchWorkspace(Context ctx) {
        authentication.switchWorkspace(ctx, Pages.form(ctx, "workspace"));
        ctx.redirect(ownPage(refererPath(ctx.header("Referer"))), HttpStatus.SEE_OTHER);
    }

    private static String refererPath(String referer) {
        try {
            URI uri = referer == null ? null : new URI(referer);
            return uri == null || uri.getRawPath() == null ? null : uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        } catch (URISyntaxException e) {
            return null;
        }
    }

    void render(Pages pages, Context ctx, String next, String problem) {
        render(pages, ctx, next, problem, authentication.openIdConnect().isPresent());
    }

    static void render(Pages pages, Context ctx, String next, String problem, boolean provider) {
        String providerLink = provider ? Pages.link(PROVIDER_PATH, Pages.parameters("next", ownPage(next))) : "";
        pages.render(ctx, "login.jte", Map.of("next", ownPage(next), "problem", problem, "providerLink", providerLink));
    }

    /** The page to go back to: a path of this server's workbench, else the overview. */
    private static String ownPage(String next) {
        boolean own = next != null && next.startsWith("/workbench") && !next.startsWith(PATH) && !next.contains("\\") && !next.contains("//");
        return own ? next : "/workbench";
    }
}

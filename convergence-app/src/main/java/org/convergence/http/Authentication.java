package org.convergence.http;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.javalin.http.UnauthorizedResponse;
import io.javalin.security.RouteRole;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.convergence.accounts.Account;
import org.convergence.accounts.Accounts;
import org.convergence.accounts.KeyHolder;
import org.convergence.accounts.Role;
import org.convergence.accounts.Workspaces;

/**
 * The one filter before every route: resolves who asks ({@link Caller}: a workbench session by its cookie, a program by
 * {@code Authorization: Bearer KEY}, or, on a server without accounts, whoever runs it), then enforces the route's
 * {@link Access} (401 for nobody, 403 for a role too low) and, for a session's state-changing requests, the form token
 * (CSRF). Once any account exists, or with {@code requireAccounts}, every route but the public ones needs a caller.
 *
 * <p>A caller works in one workspace at a time: a session in the one its user switched to, else the first of the user's
 * by name; a key in the one it is bound to, while its account still belongs to it. Without accounts there is none.
 *
 * <p>Accounts and memberships are read from the store at most every {@link #FRESHNESS}, so that an account disabled, a
 * key revoked or a member taken out of a workspace from the command line stops working within that time without a store
 * read per request.
 */
public final class Authentication {
    /** How long an account, a key's owner or "are there accounts" read from the store is trusted. */
    static final Duration FRESHNESS = Duration.ofSeconds(5);
    /** The form field (as the template {@code formtoken.jte} writes it) and the header that carry a session's form token. */
    private static final String FORM_TOKEN_FIELD = "csrf";
    private static final String FORM_TOKEN_HEADER = "X-CSRF-Token";
    private static final String COOKIE = "convergence-session";
    /** The name a cookie takes over HTTPS: browsers then refuse it from any other site or path (cookie prefixes). */
    private static final String SECURE_COOKIE = "__Host-convergence-session";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    /** Beyond this many keys remembered, the memory of keys is cleared: random keys cannot fill it. */
    private static final int REMEMBERED_KEYS = 10_000;

    private final Accounts accounts;
    private final Workspaces workspaces;
    private final Sessions sessions;
    private final LoginThrottle throttle;
    private final boolean requireAccounts;
    private final String localUser;
    private final Predicate<String> isPage;
    private final Handler signInPage;
    private final OpenIdConnect openIdConnect;
    private final Clock clock;
    private final Map<String, Fresh<Optional<Account>>> byName = new ConcurrentHashMap<>();
    private final Map<String, Fresh<Optional<KeyHolder>>> byKey = new ConcurrentHashMap<>();
    private final Map<String, Fresh<List<String>>> memberships = new ConcurrentHashMap<>();
    private volatile Fresh<Boolean> accountsExist;

    private record Fresh<T>(T value, Instant read) {}

    /**
     * @param requireAccounts ask every request who it is even while no account exists (then nobody can use the server
     *     until one is added)
     * @param localUser who the audit trail records on a server without accounts: whoever runs it
     * @param isPage which paths are workbench pages, answered with the sign-in page rather than a JSON 401
     * @param signInPage renders the sign-in page (with the status already set)
     * @param openIdConnect the provider users may also sign in with; null for none
     */
    public Authentication(Accounts accounts, Workspaces workspaces, Sessions sessions, boolean requireAccounts, String localUser,
            Predicate<String> isPage, Handler signInPage, OpenIdConnect openIdConnect) {
        this(accounts, workspaces, sessions, requireAccounts, localUser, isPage, signInPage, openIdConnect, Clock.systemUTC());
    }

    Authentication(Accounts accounts, Workspaces workspaces, Sessions sessions, boolean requireAccounts, String localUser,
            Predicate<String> isPage, Handler signInPage, OpenIdConnect openIdConnect, Clock clock) {
        this.accounts = accounts;
        this.workspaces = workspaces;
        this.sessions = sessions;
        this.throttle = new LoginThrottle(clock);
        this.requireAccounts = requireAccounts;
        this.localUser = localUser;
        this.isPage = isPage;
        this.signInPage = signInPage;
        this.openIdConnect = openIdConnect;
        this.clock = clock;
    }

    /** True when requests must say who they are: some account exists, or the server was told to require accounts. */
    public boolean required() {
        if (requireAccounts) {
            return true;
        }
        Instant now = clock.instant();
        Fresh<Boolean> known = accountsExist;
        if (known == null || !now.isBefore(known.read().plus(FRESHNESS))) {
            known = new Fresh<>(accounts.exist(), now);
            accountsExist = known;
        }
        return known.value();
    }

    /** Runs before every matched route (Javalin's {@code beforeMatched}). */
    public void check(Context ctx) throws Exception {
        Access access = access(ctx.routeRoles());
        Caller caller = resolve(ctx);
        caller.attachTo(ctx);
        if (access == Access.PUBLIC) {
            return;
        }
        if (caller.role() == null) {
            if (isPage.test(ctx.path()) && ctx.method().name().equals("GET")) {
                ctx.status(401);
                signInPage.handle(ctx);
                ctx.skipRemainingHandlers();
                return;
            }
            ctx.header("WWW-Authenticate", "Bearer realm=\"convergence\"");
            throw new UnauthorizedResponse("sign in: send 'Authorization: Bearer KEY' with a key from `convergence users key NAME`, "
                    + "or sign in to the workbench at /workbench/login");
        }
        if (!access.allows(caller.role())) {
            throw new ForbiddenResponse("%s %s needs the role %s or above; %s has the role %s".formatted(ctx.method(), ctx.path(),
                    access.role().label(), caller.user(), caller.role().label()));
        }
        if (caller.how() == Caller.How.SESSION && !SAFE_METHODS.contains(ctx.method().name())) {
            requireFormToken(ctx, caller);
        }
    }

    /**
     * Signs a user in to the workbench with a password: a new session and its cookie.
     *
     * @return empty on success, else why not, to show on the sign-in page
     * @throws HttpResponseException 429 while the name or the address has failed too often
     */
    public Optional<String> signIn(Context ctx, String name, char[] password) {
        String address = ctx.ip();
        Duration wait = throttle.wait(name, address);
        if (!wait.isZero()) {
            ctx.header("Retry-After", String.valueOf(wait.toSeconds() + 1));
            throw new HttpResponseException(429, "too many failed sign-ins for this name or from this address: try again in "
                    + (wait.toMinutes() + 1) + " minutes");
        }
        Optional<Account> account = accounts.logIn(name, password);
        if (account.isEmpty()) {
            throttle.failed(name, address);
            return Optional.of("wrong name or password, or the account is disabled");
        }
        throttle.succeeded(name);
        startSession(ctx, account.get());
        return Optional.empty();
    }

    /**
     * Signs in the account an OpenID Connect provider vouched for ({@link OpenIdConnect#finish}), if it is an enabled
     * account here: the provider says who the person is, the account says what they may do.
     *
     * @return empty on success, else why not
     */
    public Optional<String> signInVouchedFor(Context ctx, String name) {
        Optional<Account> account = accounts.find(name).filter(found -> !found.disabled());
        if (account.isEmpty()) {
            return Optional.of("the provider signed you in as '" + name + "', which has no enabled account here: an admin adds it with "
                    + "`convergence users add " + name + " --role viewer --no-password`");
        }
        startSession(ctx, account.get());
        return Optional.empty();
    }

    /** The OpenID Connect provider users may sign in with, if the server has one. */
    public Optional<OpenIdConnect> openIdConnect() {
        return Optional.ofNullable(openIdConnect);
    }

    /** A new session (a new token, never one the browser brought) and its cookie. */
    private void startSession(Context ctx, Account account) {
        sessions.end(sessionToken(ctx));
        Sessions.Session session = sessions.start(account.name());
        boolean secure = ctx.scheme().equals("https");
        ctx.res().addHeader("Set-Cookie", (secure ? SECURE_COOKIE : COOKIE) + "=" + session.token() + "; Path=/; HttpOnly; SameSite=Strict; Max-Age="
                + Sessions.LONGEST.toSeconds() + (secure ? "; Secure" : ""));
    }

    /**
     * Makes a workspace of the signed-in user's the one the session works in.
     *
     * @throws BadRequestResponse for a caller without a session (a key works in the workspace it was made for)
     * @throws NotFoundResponse for a workspace the user does not belong to (whether it exists is not told)
     */
    public void switchWorkspace(Context ctx, String workspace) {
        Caller caller = Caller.of(ctx);
        if (!caller.signedIn()) {
            throw new BadRequestResponse("only a workbench session switches workspaces; a key works in the workspace it was made for "
                    + "(`convergence users key NAME --workspace W`)");
        }
        if (!caller.workspaces().contains(workspace)) {
            throw new NotFoundResponse(caller.user() + " has no workspace '" + workspace + "': an admin adds members with "
                    + "`convergence workspaces join WORKSPACE USER`");
        }
        sessions.switchTo(sessionToken(ctx), workspace);
    }

    /** Ends the request's session and clears its cookie. */
    public void signOut(Context ctx) {
        sessions.end(sessionToken(ctx));
        boolean secure = ctx.scheme().equals("https");
        ctx.res().addHeader("Set-Cookie", (secure ? SECURE_COOKIE : COOKIE) + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0"
                + (secure ? "; Secure" : ""));
    }

    private Caller resolve(Context ctx) {
        String authorization = ctx.header("Authorization");
        if (authorization != null) {
            return keyHolder(authorization.strip());
        }
        Optional<Sessions.Session> session = sessions.use(sessionToken(ctx));
        if (session.isPresent()) {
            Optional<Account> account = account(session.get().user());
            if (account.isPresent()) {
                List<String> theirs = workspacesOf(account.get().name());
                String chosen = session.get().workspace();
                String workspace = theirs.contains(chosen) ? chosen : theirs.isEmpty() ? null : theirs.getFirst();
                return new Caller(account.get().name(), account.get().role(), Caller.How.SESSION, session.get().formToken(), workspace, theirs);
            }
            sessions.end(session.get().token());
        }
        return required() ? Caller.ANONYMOUS : new Caller(localUser, Role.ADMIN, Caller.How.LOCAL, null, null, List.of());
    }

    /** The owner of a bearer key; a header that is not a valid key is refused at once, whatever the route. */
    private Caller keyHolder(String authorization) {
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new UnauthorizedResponse("the Authorization header takes 'Bearer KEY', with a key from `convergence users key NAME`");
        }
        String key = authorization.substring(7).strip();
        if (byKey.size() > REMEMBERED_KEYS) {
            byKey.clear();
        }
        KeyHolder holder = cached(byKey, key, () -> accounts.byKey(key)).orElseThrow(() -> new UnauthorizedResponse(
                "the API key is not valid (unknown, revoked by a password reset, or its account disabled): make one with `convergence users key NAME`"));
        String name = holder.account().name();
        if (holder.workspace() != null && !workspacesOf(name).contains(holder.workspace())) {
            throw new UnauthorizedResponse("the API key is bound to the workspace '" + holder.workspace() + "', which " + name
                    + " no longer belongs to: make a key for a workspace of theirs with `convergence users key " + name + " --workspace W`");
        }
        return new Caller(name, holder.account().role(), Caller.How.API_KEY, null, holder.workspace(), List.of());
    }

    private Optional<Account> account(String name) {
        return cached(byName, name, () -> accounts.find(name).filter(account -> !account.disabled()));
    }

    /** The workspaces an account belongs to, by name. */
    private List<String> workspacesOf(String name) {
        return cached(memberships, name, () -> workspaces.of(name));
    }

    private <T> T cached(Map<String, Fresh<T>> cache, String key, Supplier<T> read) {
        Instant now = clock.instant();
        Fresh<T> known = cache.get(key);
        if (known != null && now.isBefore(known.read().plus(FRESHNESS))) {
            return known.value();
        }
        T value = read.get();
        cache.put(key, new Fresh<>(value, now));
        return value;
    }

    private static void requireFormToken(Context ctx, Caller caller) {
        String sent = ctx.header(FORM_TOKEN_HEADER);
        if (sent == null) {
            sent = ctx.formParam(FORM_TOKEN_FIELD);
        }
        if (sent == null || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), caller.formToken().getBytes(StandardCharsets.UTF_8))) {
            throw new ForbiddenResponse("the form was not sent from this session's page (its form token is missing or old): "
                    + "reload the page and send it again");
        }
    }

    private static String sessionToken(Context ctx) {
        String secure = ctx.cookie(SECURE_COOKIE);
        return secure != null ? secure : ctx.cookie(COOKIE);
    }

    /** The one access a route declares; a route that declares none or several is refused (a programming error, failed closed). */
    private static Access access(Set<RouteRole> roles) {
        if (roles.size() == 1 && roles.iterator().next() instanceof Access access) {
            return access;
        }
        throw new ForbiddenResponse("this route declares no access rule, so nobody may call it");
    }
}

package org.convergence.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;
import org.convergence.accounts.Accounts;
import org.convergence.server.ConvergenceServer;
import org.convergence.server.ServerSettings;
import org.convergence.http.OpenIdConnect;
import org.convergence.http.ServerLimits;
import org.convergence.http.Tls;
import org.convergence.model.ConvergenceModel;
import org.convergence.screening.Screener;
import org.convergence.store.StatementStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code convergence serve}: the screening HTTP API over the configured store, until Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the screening API over the store: POST /match/{scope} and GET /search/{scope} (yente's shapes), "
                + "GET /entities/{id}, GET /entities/{id}/paths (exposure), the OpenRefine reconciliation service at /reconcile/{scope}, /openapi.json and /healthz. "
                + "A scope is a dataset name or 'all'. Ctrl-C stops the server."})
final class ServeCommand implements Callable<Integer> {
    @ParentCommand
    ConvergenceCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "8080", description = "TCP port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 for every interface).")
    String host;

    @Option(names = "--allowed-host", paramLabel = "NAME",
            description = "A host name the server is reached by, besides localhost and IP addresses (repeatable): the name of a proxy "
                    + "in front of it. Requests naming any other host are refused, so that a web page cannot reach the server through "
                    + "a name it controls (DNS rebinding).")
    List<String> allowedHosts = new ArrayList<>();

    @Option(names = "--require-auth",
            description = "Ask every request to sign in even while no account exists (then nobody can use the server until "
                    + "`convergence users add` makes one). Once any account exists, the server asks anyway.")
    boolean requireAccounts;

    @Option(names = "--tls-cert", paramLabel = "PEM", description = "The server's certificate chain (PEM): with --tls-key, serve HTTPS only.")
    Path tlsCertificate;

    @Option(names = "--tls-key", paramLabel = "PEM", description = "The certificate's private key (PEM, unencrypted PKCS #8).")
    Path tlsKey;

    @Option(names = "--oidc-issuer", paramLabel = "URL",
            description = "An OpenID Connect provider users may sign in with (its issuer URL); their Convergence account of the same name "
                    + "gives the role. Register https://HOST/workbench/login/oidc/callback with the provider.")
    URI oidcIssuer;

    @Option(names = "--oidc-client-id", paramLabel = "ID", description = "The client id the provider gave this server.")
    String oidcClientId;

    @Option(names = "--oidc-client-secret-file", paramLabel = "FILE", description = "A file holding the client secret (kept off the command line).")
    Path oidcClientSecretFile;

    @Option(names = "--oidc-account-claim", paramLabel = "CLAIM", defaultValue = "preferred_username",
            description = "The ID token's claim that names the account (default: ${DEFAULT-VALUE}; e.g. email).")
    String oidcAccountClaim;

    private OpenIdConnect.Settings openIdConnect() {
        if (oidcIssuer == null) {
            if (oidcClientId != null || oidcClientSecretFile != null) {
                throw new ConvergenceException(ErrorCategory.INVALID_INPUT, "--oidc-client-id and --oidc-client-secret-file need --oidc-issuer");
            }
            return null;
        }
        if (oidcClientId == null || oidcClientSecretFile == null) {
            throw new ConvergenceException(ErrorCategory.INVALID_INPUT, "--oidc-issuer needs --oidc-client-id and --oidc-client-secret-file");
        }
        try {
            return new OpenIdConnect.Settings(oidcIssuer, oidcClientId, Files.readString(oidcClientSecretFile).strip(), oidcAccountClaim);
        } catch (IOException e) {
            throw new ConvergenceException(ErrorCategory.INVALID_INPUT, "cannot read the client secret from " + oidcClientSecretFile + ": "
                    + e.getMessage(), e);
        }
    }

    private Tls tls() {
        if ((tlsCertificate == null) != (tlsKey == null)) {
            throw new ConvergenceException(ErrorCategory.INVALID_INPUT, "HTTPS needs both --tls-cert and --tls-key");
        }
        return tlsCertificate == null ? null : new Tls(tlsCertificate, tlsKey);
    }

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65_535) {
            throw new ConvergenceException(ErrorCategory.INVALID_INPUT, "--port must be from 0 to 65535; got " + port);
        }
        var out = spec.commandLine().getOut();
        StatementStore store = root.openStoreForServing();
        Screener screener = Screener.open(store);
        ConvergenceServer server;
        try {
            server = ConvergenceServer.start(screener, store, ConvergenceModel.standard(),
                    new ServerSettings(host, port, allowedHosts, ServerLimits.DEFAULT, requireAccounts, tls(),
                    openIdConnect()));
        } catch (ConvergenceException e) {
            screener.close();
            store.close();
            throw e;
        } catch (RuntimeException e) {
            screener.close();
            store.close();
            throw new ConvergenceException(ErrorCategory.UNAVAILABLE, "cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            screener.close();
            store.close();
            stopped.countDown();
        }, "convergence-serve-shutdown"));
        int indexed = screener.current().size();
        out.printf("Convergence on %s (store %s; %,d entities indexed from %d datasets)%n", server.url(), store.location(),
                indexed, screener.current().versions().size());
        out.printf("Workbench: open %s/workbench in a browser%n", server.url());
        out.println(requireAccounts || Accounts.of(store).exist()
                ? "Sign-in required: accounts are managed with `convergence users`; programs send 'Authorization: Bearer KEY'."
                : "No accounts: this machine only, and the audit trail records the user running the server "
                        + "(`convergence users add NAME --role admin` makes it ask everyone to sign in).");
        out.printf("Screening API: curl '%s/search/all?q=Rosoboronexport'   Endpoints: %s/openapi.json   Ctrl-C stops.%n", server.url(), server.url());
        out.flush();
        stopped.await();
        return 0;
    }
}

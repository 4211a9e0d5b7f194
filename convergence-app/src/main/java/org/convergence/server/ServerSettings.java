package org.convergence.server;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.convergence.http.OpenIdConnect;
import org.convergence.http.ServerLimits;
import org.convergence.http.Tls;

/**
 * How a server is started.
 *
 * @param host the address to listen on
 * @param port the TCP port; 0 for any free one
 * @param allowedHosts host names besides the loopback ones and {@code host} that requests may name in their {@code Host}
 *     header (the name of a proxy in front of the server); any other name is refused (DNS rebinding)
 * @param limits how many requests, bodies and uploads are worked on at once, and how long a body may take
 * @param requireAccounts ask every request who it is even while no account exists
 * @param tls the certificate and key to speak HTTPS with; null for plain HTTP
 * @param openIdConnect the provider users may also sign in with; null for none
 */
public record ServerSettings(String host, int port, List<String> allowedHosts, ServerLimits limits, boolean requireAccounts, Tls tls,
        OpenIdConnect.Settings openIdConnect) {
    public ServerSettings {
        requireNonNull(host, "host");
        allowedHosts = List.copyOf(allowedHosts);
        requireNonNull(limits, "limits");
    }

    /** On this machine only, on a free port, within the default limits: what tests and benchmarks start. */
    public static ServerSettings local() {
        return new ServerSettings("127.0.0.1", 0, List.of(), ServerLimits.DEFAULT, false, null, null);
    }

    public ServerSettings withLimits(ServerLimits changed) {
        return new ServerSettings(host, port, allowedHosts, changed, requireAccounts, tls, openIdConnect);
    }

    public ServerSettings withRequireAccounts(boolean required) {
        return new ServerSettings(host, port, allowedHosts, limits, required, tls, openIdConnect);
    }

    public ServerSettings withTls(Tls given) {
        return new ServerSettings(host, port, allowedHosts, limits, requireAccounts, given, openIdConnect);
    }

    public ServerSettings withOpenIdConnect(OpenIdConnect.Settings provider) {
        return new ServerSettings(host, port, allowedHosts, limits, requireAccounts, tls, provider);
    }
}

package org.convergence.http;

import io.javalin.config.JavalinConfig;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Set;
import java.util.function.Predicate;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The server's connector and the handlers before Javalin: where the limits of {@link ServerLimits} on bodies and
 * requests at once are enforced, and how long a silent connection is kept.
 */
public final class JettySetup {
    /** A connection silent for this long (reading or writing) is closed. */
    public static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_HEADER_BYTES = 64 * 1024;

    private JettySetup() {}

    /**
     * Listens on {@code host:port} within the limits.
     *
     * @param largestBody the largest body any route takes (uploads included)
     * @param uncounted paths not counted among the requests worked on (the health check)
     * @param servedFirst paths whose waiting requests take a freed slot before the others
     * @param tls the certificate and key to speak HTTPS with ({@link Tls#keyStore()}); null for plain HTTP
     */
    public static void configure(JavalinConfig config, String host, int port, ServerLimits limits, long largestBody, Set<String> uncounted,
            Predicate<String> servedFirst, KeyStore tls) {
        config.jetty.modifyServer(server -> {
            // Bodies are received first, holding no thread, so that slow senders take no slot of the requests worked on.
            BodyBufferingHandler bodies = new BodyBufferingHandler(limits.bodyDeadline(), largestBody, limits.bufferedBodyBytes());
            bodies.setHandler(new ConcurrencyLimitHandler(limits.concurrentRequests(), ServerLimits.QUEUE_WAIT, ServerLimits.QUEUED_REQUESTS, uncounted,
                    servedFirst));
            server.setHandler(bodies);
        });
        config.jetty.addConnector((server, http) -> {
            // No minimum data rate: Jetty measures it from the start of the request, so a small body that arrives
            // late on a busy machine would be refused. Bodies have a deadline instead (BodyBufferingHandler), and the
            // idle timeout bounds a stalled client.
            http.setIdleTimeout(IDLE_TIMEOUT.toMillis());
            // Reconciliation batches may come in the query string (GET ?queries=): room for a batch, so that an
            // over-long value is answered by the API's own 400 rather than a bare 431.
            http.setRequestHeaderSize(MAX_HEADER_BYTES);
            ServerConnector connector;
            if (tls == null) {
                connector = new ServerConnector(server, new HttpConnectionFactory(http));
            } else {
                SslContextFactory.Server ssl = new SslContextFactory.Server();
                ssl.setKeyStore(tls);
                ssl.setKeyStorePassword(Tls.keyStorePassword());
                http.addCustomizer(new SecureRequestCustomizer());
                connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(http));
            }
            connector.setHost(host);
            connector.setPort(port);
            connector.setIdleTimeout(IDLE_TIMEOUT.toMillis());
            return connector;
        });
    }
}

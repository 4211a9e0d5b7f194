package org.convergence.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;
import org.convergence.accounts.Accounts;
import org.convergence.accounts.Role;
import org.convergence.http.Tls;
import org.convergence.model.ConvergenceModel;
import org.convergence.screening.Screener;
import org.convergence.store.H2StatementStore;
import org.convergence.store.StatementStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server given a certificate speaks HTTPS only, and its session cookie and headers say so to the browser. */
class TlsServerTest {
    private static final char[] STORE_PASSWORD = "test-keystore".toCharArray();
    @TempDir
    static Path folder;
    private static Path certificate;
    private static Path key;
    private static KeyStore generated;

    /** A self-signed certificate for localhost made with the JDK's keytool, written out as the PEM files a CA hands out. */
    @BeforeAll
    static void makeCertificate() throws Exception {
        Path p12 = folder.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair", "-alias", "server",
                "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", p12.toString(), "-storepass", new String(STORE_PASSWORD)).redirectErrorStream(true).start();
        assertTrue(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0, new String(keytool.getInputStream().readAllBytes()));
        generated = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12)) {
            generated.load(in, STORE_PASSWORD);
        }
        certificate = folder.resolve("cert.pem");
        key = folder.resolve("key.pem");
        Files.writeString(certificate, pem("CERTIFICATE", generated.getCertificate("server").getEncoded()));
        Files.writeString(key, pem("PRIVATE KEY", generated.getKey("server", STORE_PASSWORD).getEncoded()));
    }

    @Test
    void overHttpsTheSessionCookieIsSecureAndHostBoundAndBrowsersAreToldToStayOnHttps() throws Exception {
        ConvergenceModel model = ConvergenceModel.standard();
        try (StatementStore store = new H2StatementStore(folder.resolve("store"), model)) {
            Accounts.of(store).add("ana", Role.ANALYST, "a long enough password".toCharArray());
            try (Screener screener = Screener.open(store);
                    ConvergenceServer server = ConvergenceServer.start(screener, store, model, ServerSettings.local().withTls(new Tls(certificate, key)))) {
                assertTrue(server.url().toString().startsWith("https://127.0.0.1:"), server.url().toString());
                HttpClient client = HttpClient.newBuilder().sslContext(trusting(generated.getCertificate("server"))).build();
                HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(server.url() + "/healthz")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, health.statusCode());
                assertEquals("max-age=31536000", health.headers().firstValue("Strict-Transport-Security").orElse(""));
                HttpResponse<String> signIn = client.send(HttpRequest.newBuilder(URI.create(server.url() + "/workbench/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("name=ana&password=a+long+enough+password")).build(), HttpResponse.BodyHandlers.ofString());
                String cookie = signIn.headers().firstValue("Set-Cookie").orElseThrow();
                assertTrue(cookie.startsWith("__Host-convergence-session=") && cookie.contains("; Secure") && cookie.contains("HttpOnly"), cookie);
                HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
                URI insecure = URI.create("http://127.0.0.1:" + server.port() + "/healthz");
                assertThrows(IOException.class, () -> plain.send(HttpRequest.newBuilder(insecure).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString()), "no plain HTTP on the HTTPS port");
            }
        }
    }

    @Test
    void aKeyInAnotherFormatIsRefusedNamingTheFileAndTheConversion() throws IOException {
        Path rsaKey = folder.resolve("traditional.pem");
        Files.writeString(rsaKey, "-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n");
        ConvergenceException refused = assertThrows(ConvergenceException.class, () -> new Tls(certificate, rsaKey).keyStore());
        assertEquals(ErrorCategory.INVALID_INPUT, refused.category());
        assertTrue(refused.getMessage().contains(rsaKey.toString()) && refused.getMessage().contains("openssl pkcs8"), refused.getMessage());
        ConvergenceException noCertificate = assertThrows(ConvergenceException.class, () -> new Tls(key, key).keyStore());
        assertTrue(noCertificate.getMessage().contains("no '-----BEGIN CERTIFICATE-----' block"), noCertificate.getMessage());
    }

    private static SSLContext trusting(Certificate certificate) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("server", certificate);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}

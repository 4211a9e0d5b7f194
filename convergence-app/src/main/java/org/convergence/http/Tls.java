package org.convergence.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;

/**
 * The server's certificate and private key, as PEM files (what a certificate authority or {@code certbot} hands out):
 * given, the server speaks HTTPS only, its session cookies are {@code Secure} and every answer carries
 * {@code Strict-Transport-Security}.
 *
 * @param certificate the certificate chain, the server's own first ({@code -----BEGIN CERTIFICATE-----} blocks)
 * @param privateKey the private key in PKCS #8 ({@code -----BEGIN PRIVATE KEY-----}), RSA, EC or Ed25519, unencrypted
 */
public record Tls(Path certificate, Path privateKey) {
    private static final Pattern CERTIFICATE = Pattern.compile("-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\\s]+)-----END CERTIFICATE-----");
    private static final Pattern PRIVATE_KEY = Pattern.compile("-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");
    private static final char[] IN_MEMORY = "in-memory".toCharArray();

    /**
     * The certificate and key as a key store for the server's TLS.
     *
     * @throws ConvergenceException INVALID_INPUT naming the file and what it should hold
     */
    public KeyStore keyStore() {
        List<Certificate> chain = certificates();
        PrivateKey key = key();
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", key, IN_MEMORY, chain.toArray(Certificate[]::new));
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new ConvergenceException(ErrorCategory.INVALID_INPUT, "the key " + privateKey + " does not go with the certificate "
                    + certificate + ": " + e.getMessage(), e);
        }
    }

    /** The password of the key store {@link #keyStore()} makes, which lives in memory only. */
    static String keyStorePassword() {
        return new String(IN_MEMORY);
    }

    private List<Certificate> certificates() {
        Matcher blocks = CERTIFICATE.matcher(read(certificate));
        List<Certificate> chain = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            while (blocks.find()) {
                chain.add(factory.generateCertificate(new ByteArrayInputStream(Base64.getMimeDecoder().decode(blocks.group(1)))));
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new ConvergenceException(ErrorCategory.INVALID_INPUT, certificate + ": a CERTIFICATE block is not a valid X.509 certificate: "
                    + e.getMessage(), e);
        }
        if (chain.isEmpty()) {
            throw new ConvergenceException(ErrorCategory.INVALID_INPUT, certificate + " holds no '-----BEGIN CERTIFICATE-----' block: "
                    + "give the certificate chain in PEM, the server's certificate first");
        }
        return chain;
    }

    private PrivateKey key() {
        String text = read(privateKey);
        Matcher block = PRIVATE_KEY.matcher(text);
        if (!block.find()) {
            String hint = text.contains("BEGIN RSA PRIVATE KEY") || text.contains("BEGIN EC PRIVATE KEY") || text.contains("BEGIN ENCRYPTED PRIVATE KEY")
                    ? ": it is in another format; convert it with `openssl pkcs8 -topk8 -nocrypt -in KEY -out key.pem`" : "";
            throw new ConvergenceException(ErrorCategory.INVALID_INPUT, privateKey + " holds no '-----BEGIN PRIVATE KEY-----' block (an "
                    + "unencrypted PKCS #8 key)" + hint);
        }
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(block.group(1)));
        for (String algorithm : List.of("RSA", "EC", "Ed25519")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException e) {
                // not a key of this algorithm: try the next
            }
        }
        throw new ConvergenceException(ErrorCategory.INVALID_INPUT, privateKey + ": the private key is not an RSA, EC or Ed25519 key");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new ConvergenceException(ErrorCategory.INVALID_INPUT, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}

package org.convergence.store;

import com.zaxxer.hikari.HikariConfig;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;
import org.h2.engine.SysProperties;
import org.h2.tools.Server;

/**
 * An embedded store opened by {@code convergence serve}, shared with commands on the same machine that only
 * read: an H2 TCP server in the serving process, listening on loopback only, that serves this one database to
 * clients that name it by a random key. The key and port are in the file {@code convergence.share} in the
 * store's folder, readable by its owner alone, so only the user who runs the server (and root) can connect.
 *
 * <p>H2's own AUTO_SERVER mode does the same but listens for other machines too ({@code -tcpAllowOthers}), and
 * hands the database to whichever process comes next when the first one exits; this share does neither.
 */
final class StoreShare implements AutoCloseable {
    private static final String FILE = "convergence.share";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Server server;
    private final Path file;

    private StoreShare(Server server, Path file) {
        this.server = server;
        this.file = file;
    }

    /** Where a serving process's share is: enough to connect to it. */
    record Address(int port, String key, long pid, Instant since) {
        HikariConfig config() {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl("jdbc:h2:tcp://127.0.0.1:" + port + "/" + key);
            config.setUsername("sa");
            config.setPassword("");
            return config;
        }
    }

    /**
     * Starts sharing an open database, and says so in its folder.
     *
     * @throws ConvergenceException STORE when H2 is set to listen on an address other than loopback, or the share cannot start
     */
    static StoreShare start(Path folder, Path database) {
        requireLoopback();
        String key = HexFormat.of().formatHex(randomBytes());
        Server server;
        try {
            server = Server.createTcpServer("-tcpPort", "0", "-tcpDaemon", "-key", key, database.toString()).start();
        } catch (SQLException e) {
            throw new ConvergenceException(ErrorCategory.STORE, "cannot share the store in " + folder + " with read-only commands: "
                    + e.getMessage(), e);
        }
        Path file = folder.toAbsolutePath().normalize().resolve(FILE);
        try {
            write(file, new Address(server.getPort(), key, ProcessHandle.current().pid(), Instant.now()));
        } catch (IOException e) {
            server.stop();
            throw new ConvergenceException(ErrorCategory.STORE, "cannot write " + file + ": " + e.getMessage()
                    + " [Hint: check that the folder can be written]", e);
        }
        return new StoreShare(server, file);
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static void requireLoopback() {
        String address = SysProperties.BIND_ADDRESS;
        try {
            if (address != null && InetAddress.getByName(address).isLoopbackAddress()) {
                return;
            }
        } catch (UnknownHostException e) {
            // Not an address at all: refused below like any other that is not loopback.
        }
        throw new ConvergenceException(ErrorCategory.STORE, "the store would be shared on the address '" + address
                + "', which other machines may reach; remove -Dh2.bindAddress from the Java options so that it is shared on 127.0.0.1 only");
    }

    /** Writes the share's address readable by the owner only (where the file system has POSIX permissions), all at once. */
    private static void write(Path file, Address address) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("port", Integer.toString(address.port()));
        properties.setProperty("key", address.key());
        properties.setProperty("pid", Long.toString(address.pid()));
        properties.setProperty("since", address.since().toString());
        Path partial = file.resolveSibling(FILE + ".partial");
        Files.deleteIfExists(partial);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(partial);
        }
        try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            properties.store(out, "convergence serve shares this store with read-only commands; removed when it stops");
        }
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The share of a serving process in the folder, if there is one this user may read. */
    static Optional<Address> find(Path folder) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(folder.resolve(FILE), StandardCharsets.UTF_8)) {
            properties.load(in);
            return Optional.of(new Address(Integer.parseInt(properties.getProperty("port")), properties.getProperty("key"),
                    Long.parseLong(properties.getProperty("pid")), Instant.parse(properties.getProperty("since"))));
        } catch (IOException | RuntimeException e) {
            // Absent, unreadable (another user's server) or cut short: there is no share this process can use.
            return Optional.empty();
        }
    }

    /** Who holds the store in the folder, as far as this process can tell, for an error message. */
    static String holder(Path folder) {
        return find(folder).map(share -> "convergence serve (process " + share.pid() + ", since " + share.since() + ")")
                .orElse("an import, another command or a server of another user");
    }

    /** Removes the share file of a serving process that ended without removing it (killed); the caller holds the database. */
    static void removeStale(Path folder) {
        try {
            Files.deleteIfExists(folder.resolve(FILE));
        } catch (IOException e) {
            // Left in place: readers look for a share only when the store is in use, and then this one does not answer.
        }
    }

    /** Stops sharing: the file first, so that no new reader tries, then the server and its sessions. */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A stale file is removed by the next process that opens the store.
        }
        server.stop();
    }
}

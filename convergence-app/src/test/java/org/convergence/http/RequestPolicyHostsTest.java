package org.convergence.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.convergence.ConvergenceException;
import org.junit.jupiter.api.Test;

/** Which {@code Host} headers a server answers to (DNS rebinding); the refusal itself is tested against a server in RequestPolicyTest. */
class RequestPolicyHostsTest {
    @Test
    void theServerAnswersToLoopbackNamesAddressesItsBindHostAndTheNamesAllowed() {
        RequestPolicy policy = RequestPolicy.forServer("0.0.0.0", List.of("Convergence.Example.org"));
        for (String host : List.of("localhost:8080", "127.0.0.1", "[::1]:8080", "192.168.1.5:8080", "[fe80::1%25eth0]:80", "convergence.example.org",
                "CONVERGENCE.EXAMPLE.ORG:443")) {
            assertTrue(policy.allows(host), host);
        }
        for (String host : List.of("evil.example", "convergence.example.org.evil.example", "localhost.evil.example", "", "1.2.3.4.evil.example")) {
            assertFalse(policy.allows(host), host);
        }
        assertFalse(policy.allows(null));
        assertTrue(RequestPolicy.forServer("workbench.internal", List.of()).allows("workbench.internal:8080"));
        assertTrue(RequestPolicy.forServer("::1", List.of()).allows("[::1]:8080"));
        ConvergenceException wrong = assertThrows(ConvergenceException.class,
                () -> RequestPolicy.forServer("127.0.0.1", List.of("https://convergence.example.org/")));
        assertTrue(wrong.getMessage().contains("without scheme, port or path"), wrong.getMessage());
    }

}

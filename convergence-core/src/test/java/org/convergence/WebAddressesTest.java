package org.convergence;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class WebAddressesTest {

    @Test
    void onlyAbsoluteHttpAndHttpsAddressesWithAHostAreWebAddresses() {
        assertTrue(Stream.of("https://unitracker.aspi.org.au/universities/x", "http://example.org", "HTTPS://EXAMPLE.ORG/A")
                .allMatch(WebAddresses::isWebAddress));
        assertFalse(Stream.of("javascript:alert(1)", "JavaScript://example.org/%0Aalert(1)", "data:text/html,<b>x</b>", "//example.org/a",
                "file:///etc/passwd", "https:///no-host", "misp_china-defence-universities.json record 66", "").anyMatch(WebAddresses::isWebAddress));
    }
}

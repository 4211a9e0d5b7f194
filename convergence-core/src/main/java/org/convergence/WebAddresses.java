package org.convergence;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Which stated sources a page or report may link to. */
public final class WebAddresses {
    private WebAddresses() {}

    /**
     * True for an absolute http or https address with a host: the only sources a drawing or a report
     * links to (a {@code javascript:} or {@code data:} "source" stays text).
     */
    public static boolean isWebAddress(String text) {
        if (text == null) {
            return false;
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}

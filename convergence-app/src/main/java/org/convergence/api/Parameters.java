package org.convergence.api;

import io.javalin.http.Context;
import java.util.List;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;

/** Query-string parameters, checked: a bad value is a 400 that names the parameter, the range and what was sent. */
final class Parameters {
    private Parameters() {}

    /** A whole number in [min, max], or the default when the parameter is absent. */
    static int integer(Context ctx, String name, int defaultValue, int min, int max) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(raw.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the range
        }
        throw invalid("%s must be a whole number from %d to %d; got '%s'".formatted(name, min, max, shorten(raw)));
    }

    /** A number from 0 to 1 (a score), or the default when the parameter is absent. */
    static double fraction(Context ctx, String name, double defaultValue) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return defaultValue;
        }
        try {
            double value = Double.parseDouble(raw.strip());
            if (value >= 0 && value <= 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the range
        }
        throw invalid("%s must be a number from 0 to 1; got '%s'".formatted(name, shorten(raw)));
    }

    /** A parameter that must be given and not blank. */
    static String required(Context ctx, String name, String hint) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            // Javalin drops a value that is not valid URL encoding, so "missing" may also mean "garbled".
            throw invalid("the parameter '" + name + "' is missing or not valid URL encoding: " + hint);
        }
        return raw.strip();
    }

    /** Every value of a repeatable parameter, blanks dropped. */
    static List<String> all(Context ctx, String name) {
        return ctx.queryParams(name).stream().map(String::strip).filter(value -> !value.isEmpty()).toList();
    }

    /** Rejects yente parameters that Convergence does not implement, rather than ignoring them silently. */
    static void unsupported(Context ctx, String... names) {
        for (String name : names) {
            if (!ctx.queryParams(name).isEmpty()) {
                throw invalid("the parameter '" + name + "' is not supported by Convergence; leave it out");
            }
        }
    }

    static ConvergenceException invalid(String message) {
        return new ConvergenceException(ErrorCategory.INVALID_INPUT, message);
    }

    /** A value as quoted back in an error: long inputs cut, so an error stays readable. */
    static String shorten(String value) {
        return value.length() <= 60 ? value : value.substring(0, 57) + "...";
    }
}

package org.convergence.cli;

/** Who is at the command line, for the audit log. */
final class AuditUser {
    private AuditUser() {}

    /** The --user option, else $CONVERGENCE_USER, else the operating system's user name. */
    static String resolve(String option) {
        if (option != null && !option.isBlank()) {
            return option.strip();
        }
        String environment = System.getenv("CONVERGENCE_USER");
        if (environment != null && !environment.isBlank()) {
            return environment.strip();
        }
        return System.getProperty("user.name", "");
    }
}

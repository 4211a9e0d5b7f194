package org.convergence.accounts;

import java.time.Instant;

/** A person (or a program) who may use the server, with a role; a disabled account can neither log in nor use its keys. */
public record Account(String name, Role role, boolean disabled, Instant created) {}

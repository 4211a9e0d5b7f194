package org.convergence.screening.audit;

import java.time.Instant;

/**
 * A match no analyst has decided on yet: one result flagged as a match, not left out as a known false positive, with no
 * decision on it in the workspace the request was made in.
 *
 * @param requestId the screening request, by which a decision names it
 * @param requestedAt when it was asked
 * @param user who asked
 * @param query the name (or the first name) screened
 * @param source where the query came from (a file and row, an API client), or null
 * @param entityId the listed entity matched
 * @param caption the listed entity's name when it matched
 * @param score its score
 */
public record ReviewItem(long requestId, Instant requestedAt, String user, String query, String source, String entityId, String caption,
        double score) {}

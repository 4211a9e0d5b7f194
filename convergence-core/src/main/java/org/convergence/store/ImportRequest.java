package org.convergence.store;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;

/**
 * What an import is: into which dataset, from where, with which content checksum (an unchanged
 * checksum means an unchanged dataset), and the date of the data when the source says it.
 *
 * @param dataset the dataset name: lower-case letters, digits, '_' and '-'
 * @param sourceUri the file, folder or URL the data came from
 * @param checksum SHA-256 of the source content, hex
 * @param dataDate the date of the data as the source gives it (ISO prefix), or null
 */
public record ImportRequest(String dataset, String sourceUri, String checksum, String dataDate) {
    private static final Pattern DATASET_NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,127}");

    public ImportRequest {
        requireNonNull(dataset, "dataset is null");
        requireNonNull(sourceUri, "sourceUri is null");
        requireNonNull(checksum, "checksum is null");
        requireValidDatasetName(dataset);
    }

    /** Checks a dataset name; the message says what a valid one looks like. */
    public static String requireValidDatasetName(String dataset) {
        if (!DATASET_NAME.matcher(dataset).matches()) {
            throw new ConvergenceException(ErrorCategory.INVALID_INPUT,
                    "dataset name '" + dataset + "' is not valid: use 1 to 128 lower-case letters, digits, '_' or '-', starting with a letter or digit");
        }
        return dataset;
    }
}

package org.convergence.lists.update;

import java.net.URI;

/**
 * One file of an official publication: the name it is kept under locally, and where it is published.
 *
 * @param name the local file name (the name the reader expects, e.g. {@code sdn.csv})
 * @param url the official download address
 */
public record PublishedFile(String name, URI url) {}

package io.supplygraph.analysis.view;

import java.util.List;

/**
 * One application (a document's subject) that contains a package: a row of a blast radius. Sorted by subject, then
 * document digest.
 *
 * @param document the digest of the document whose subject this is
 * @param subject  the subject's purl, or its name when the document gave it no purl
 * @param version  the version of the package it contains
 * @param path     purls from the subject down to the package, a shortest path, nested SBOMs included
 */
public record Application(String document, String subject, String version, List<String> path) {}

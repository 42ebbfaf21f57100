package io.supplygraph.analysis.view;

import java.util.List;

/**
 * One release of an application that contains a package: a row of a blast radius. Regenerated SBOMs of one release
 * make one row, with every document that says so. Sorted by subject, then document digest.
 *
 * @param document    the digest of the document the path was found in (one of {@code documents})
 * @param subject     the subject's purl, or its name when the document gave it no purl
 * @param version     the version of the package it contains
 * @param path        purls from the subject down to the package, a shortest path, nested SBOMs included
 * @param application the application: the subject's purl without its version, or the name {@code ingest --app} gave
 * @param release     the release: the subject's version, or {@code ingest --release}
 * @param documents   the release's current documents that contain the package, by subject, then digest
 */
public record Application(String document, String subject, String version, List<String> path, String application,
        String release, List<String> documents) {}

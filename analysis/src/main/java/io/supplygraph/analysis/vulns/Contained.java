package io.supplygraph.analysis.vulns;

/** A document containing a package version; its subject's purl is a product that VEX statements may name. */
record Contained(String digest, String subject, String subjectPurl) {}

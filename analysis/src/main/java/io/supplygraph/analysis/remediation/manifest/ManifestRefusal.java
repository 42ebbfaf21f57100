package io.supplygraph.analysis.remediation.manifest;

/** A bump a manifest cannot take safely, with the reason a person can act on. */
public record ManifestRefusal(Bump bump, String reason) {}

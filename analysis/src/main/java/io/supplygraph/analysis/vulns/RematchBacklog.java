package io.supplygraph.analysis.vulns;

/**
 * Match keys whose advisories are stored but not matched yet: {@code unpublished} wait for a re-match job to be
 * published (an importer died first, or one is about to), {@code inJobs} are in jobs that no worker has run yet.
 */
public record RematchBacklog(long unpublished, long inJobs) {}

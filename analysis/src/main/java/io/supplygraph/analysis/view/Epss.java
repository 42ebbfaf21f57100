package io.supplygraph.analysis.view;

/**
 * A vulnerability's FIRST EPSS score: the probability (0 to 1) that it is exploited in the next 30 days, and the
 * share of all scored CVEs with a lower probability.
 *
 * @param cve       the scored CVE id (one of the finding's ids or aliases; the highest-scored when several are)
 * @param scoreDate the day the score is for, as the EPSS file says it
 */
public record Epss(String cve, double probability, double percentile, String scoreDate) {}

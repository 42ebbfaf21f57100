package io.supplygraph.analysis.view;

/**
 * A vulnerability's entry in CISA's Known Exploited Vulnerabilities catalog: it has been exploited in the wild.
 *
 * @param cve             the catalog's CVE id (one of the finding's ids or aliases)
 * @param dateAdded       when CISA added it (ISO date)
 * @param dueDate         the date by which US federal agencies must remediate it
 * @param knownRansomware true when the catalog says it is known to be used in ransomware campaigns
 */
public record Kev(String cve, String dateAdded, String dueDate, boolean knownRansomware) {}

package io.supplygraph.analysis.view;

/**
 * A package version the documents contain, and how many documents list it. Sorted by purl, which is unique.
 *
 * @param synthetic true when the purl was made up ({@code pkg:generic/NAME@VERSION}) for a component without one
 */
public record PackageUsage(String purl, String name, String version, boolean synthetic, int documents) {}

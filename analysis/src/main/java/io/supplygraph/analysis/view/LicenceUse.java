package io.supplygraph.analysis.view;

/**
 * A licence expression and how many components of a document carry it: the concluded licence where the document
 * states one, else the declared one. A null licence counts the components for which the document states none.
 */
public record LicenceUse(String licence, int components) {}

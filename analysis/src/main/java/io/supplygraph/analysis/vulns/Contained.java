package io.supplygraph.analysis.vulns;

import io.supplygraph.analysis.view.Finding;

/**
 * A document containing a package version; its subject's purl is a product that VEX statements may name.
 *
 * @param container the document as findings list it: one instance per document, which every finding in it shares
 *                  (a portfolio's findings are in millions of (finding, document) pairs, but 5,000 documents)
 */
record Contained(Finding.Container container, String subjectPurl) {

    Contained(String digest, String subject, String subjectPurl) {
        this(new Finding.Container(digest, subject), subjectPurl);
    }

    String digest() {
        return container.digest();
    }

    String subject() {
        return container.subject();
    }
}

package io.supplygraph.analysis.remediation.manifest;

/**
 * One kind of manifest: which packages it can name (by purl type), and how it takes one bump. Edits are made on
 * the text, changing only the lines that must change, so that formatting, comments and line endings stay as the
 * author wrote them.
 */
interface ManifestFormat {

    /** The purl type of the packages this manifest declares. */
    String purlType();

    /**
     * The text with the bump applied.
     *
     * @throws Refused when the manifest cannot take it safely
     */
    String apply(String text, Bump bump) throws Refused;

    /** Why a bump was refused. */
    final class Refused extends Exception {
        Refused(String reason) {
            super(reason);
        }
    }
}

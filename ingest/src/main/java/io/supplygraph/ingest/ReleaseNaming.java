package io.supplygraph.ingest;

/**
 * Which application and release documents are about, when the user says so rather than leaving it to their
 * subjects ({@code ingest --app NAME --release VERSION}), and whether each supersedes the documents of its release
 * that the same producer wrote before ({@code --replace}).
 *
 * @param application the application's name, or null for the subject's purl without its version
 * @param release     the release, or null for the subject's version
 * @param replace     whether a newly stored document supersedes older ones of its release from its producer
 */
public record ReleaseNaming(String application, String release, boolean replace) {

    /** Named by their subjects, superseding nothing: what an ingest does unless told otherwise. */
    public static final ReleaseNaming FROM_SUBJECTS = new ReleaseNaming(null, null, false);

    public ReleaseNaming {
        application = blankToNull(application);
        release = blankToNull(release);
        if (release != null && application == null) {
            throw new IllegalArgumentException("a release is named only with its application (--app)");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}

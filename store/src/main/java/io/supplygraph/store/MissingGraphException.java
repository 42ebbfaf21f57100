package io.supplygraph.store;

/** Opened with {@link OpenMode#EXISTING} where no graph is: no SQLite file, or a PostgreSQL database without our schema. */
public final class MissingGraphException extends StoreException {

    private static final long serialVersionUID = 1L;

    private final String location;

    MissingGraphException(String location) {
        super("no graph at " + location, null);
        this.location = location;
    }

    /** The file path, or the URL without its password. */
    public String location() {
        return location;
    }
}

package io.supplygraph.store;

import io.supplygraph.model.fact.Facts;
import java.util.List;

/**
 * Hears about documents as they are stored, inside the transaction that stores them and before it commits, so
 * that what it derives (findings, for one) commits or rolls back with the facts it came from. This is how
 * enrichment plugs into the store without the store knowing what it does.
 */
public interface FactsListener {

    /** A document just written, by its id in the store. */
    record StoredDocument(long id, Facts facts) {}

    /** The documents of one transaction, before any of them is written, inside it: a chance to take locks first. */
    default void beforeWrite(List<Facts> documents) {}

    /** The documents of one transaction, already written; a failure here rolls all of them back. */
    void stored(List<StoredDocument> documents);

    /** The transaction that {@link #stored} last heard of was rolled back, and may be tried again. */
    default void rolledBack() {}
}

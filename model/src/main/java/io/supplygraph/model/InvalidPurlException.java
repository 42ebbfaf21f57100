package io.supplygraph.model;

/** A purl that the purl specification rejects; the message names the purl and the reason. */
public class InvalidPurlException extends Exception {

    public InvalidPurlException(String purl, String reason) {
        super("invalid purl '" + purl + "': " + reason);
    }
}

package io.supplygraph.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What is known about who signed a document. Every stored document carries one, so that a question can be
 * limited to what a trusted party vouched for.
 */
public sealed interface Trust {

    /** Which of the three a trust is: the closed set that output and the store name. */
    enum State {
        UNSIGNED,
        VERIFIED,
        FAILED;

        /** The stable name used in output and in the store: {@code unsigned}, {@code verified}, {@code failed}. */
        @JsonValue
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    State state();

    /** The stable name used in output and in the store. */
    default String label() {
        return state().label();
    }

    /** The document carried no signature that Supplygraph could check. */
    record Unsigned() implements Trust {
        @Override
        public State state() {
            return State.UNSIGNED;
        }
    }

    /**
     * A signature verified.
     *
     * @param signer the certificate identity (with its OIDC issuer) or the id of the public key that verified it
     */
    record Verified(String signer) implements Trust {
        @Override
        public State state() {
            return State.VERIFIED;
        }
    }

    /** A signature was present but did not verify, or verified against nothing trusted. */
    record Failed(String reason) implements Trust {
        @Override
        public State state() {
            return State.FAILED;
        }
    }

    Trust UNSIGNED = new Unsigned();

    static Trust verified(String signer) {
        return new Verified(signer);
    }

    static Trust failed(String reason) {
        return new Failed(reason);
    }

    default boolean isVerified() {
        return this instanceof Verified;
    }

    /** The signer when verified, else null. */
    default String signer() {
        return this instanceof Verified v ? v.signer() : null;
    }

    /** Why verification failed, else null. */
    default String reason() {
        return this instanceof Failed f ? f.reason() : null;
    }

    /** Reads back what {@link #label()}, {@link #signer()} and {@link #reason()} stored. */
    static Trust of(String label, String signer, String reason) {
        return switch (label) {
            case "unsigned" -> UNSIGNED;
            case "verified" -> verified(signer);
            case "failed" -> failed(reason);
            default -> throw new IllegalArgumentException("unknown trust: " + label);
        };
    }
}

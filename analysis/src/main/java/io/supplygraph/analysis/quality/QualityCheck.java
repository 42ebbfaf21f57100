package io.supplygraph.analysis.quality;

import io.supplygraph.analysis.view.Quality.Check;
import io.supplygraph.analysis.view.Quality.Verdict;
import io.supplygraph.model.DocumentFormat;
import io.supplygraph.model.fact.SbomMeasures;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The checks an SBOM's quality score is made of, each with its weight. Component checks score the share of
 * components that pass (10 when all do) and pass only when all do; document checks score all or nothing. A check
 * with nothing to judge (no components, or creation info this format's reader does not read) is not applicable and
 * left out of the score. The weights are in the README's table; NTIA's seven elements weigh 1 each, as do the BSI
 * checks that are about what a component is, while those about how current or well located it is weigh 0.5.
 */
enum QualityCheck {
    /** NTIA: the supplier of each component (CycloneDX supplier or publisher, SPDX PackageSupplier). */
    NTIA_SUPPLIER(Standard.NTIA, 1, "have a supplier") {
        @Override
        Check judge(Document d) {
            return share(d, d.m().supplied());
        }
    },
    NTIA_NAME(Standard.NTIA, 1, "have a name") {
        @Override
        Check judge(Document d) {
            return share(d, d.m().named());
        }
    },
    NTIA_VERSION(Standard.NTIA, 1, "have a version") {
        @Override
        Check judge(Document d) {
            return share(d, d.m().versioned());
        }
    },
    /** NTIA's "other unique identifiers": a valid purl, or a CPE. */
    NTIA_UNIQUE_ID(Standard.NTIA, 1, "have a valid purl or a CPE") {
        @Override
        Check judge(Document d) {
            return share(d, d.m().identified());
        }
    },
    /** NTIA asks at least for the primary component's direct dependencies: some relationship from the subject. */
    NTIA_DEPENDENCIES(Standard.NTIA, 1, null) {
        @Override
        Check judge(Document d) {
            if (d.m().components() == 0) {
                return notApplicable("no components");
            }
            boolean stated = d.m().unreached() < d.m().components();
            return whole(stated, stated ? "relationships reach " + (d.m().components() - d.m().unreached()) + " of "
                    + d.m().components() + " components from the subject"
                    : "no relationship reaches any component from the subject");
        }
    },
    /** NTIA's "author of SBOM data": a person, an organisation or a tool. */
    NTIA_AUTHOR(Standard.NTIA, 1, null) {
        @Override
        Check judge(Document d) {
            return creation(d, () -> whole(d.m().authors() + d.m().tools() > 0,
                    d.m().authors() + " authors and " + d.m().tools() + " tools named"));
        }
    },
    NTIA_TIMESTAMP(Standard.NTIA, 1, null) {
        @Override
        Check judge(Document d) {
            return creation(d, () -> d.m().timestamp() == null ? whole(false, "no timestamp")
                    : whole(parse(d.m().timestamp()) != null, "timestamp " + d.m().timestamp()
                            + (parse(d.m().timestamp()) == null ? " is not ISO-8601" : "")));
        }
    },
    /** BSI TR-03183-2 v2.0 5.2.2: the hash of each deployable component, SHA-512. */
    BSI_SHA512(Standard.BSI, 1, "have a SHA-512 hash") {
        @Override
        Check judge(Document d) {
            return share(d, d.m().sha512());
        }
    },
    /** BSI 5.2.2: each component's licences, as SPDX expressions. */
    BSI_LICENCES(Standard.BSI, 1, "have a licence that is an SPDX expression") {
        @Override
        Check judge(Document d) {
            return share(d, d.m().spdxLicences());
        }
    },
    /** BSI 5.2.1: the creator of the SBOM (a person or an organisation; a tool alone is not one). */
    BSI_SBOM_CREATOR(Standard.BSI, 1, null) {
        @Override
        Check judge(Document d) {
            return creation(d, () -> whole(d.m().authors() > 0, d.m().authors() + " people or organisations named"));
        }
    },
    /** BSI 5.2.3 (additional fields): a URI for each component's source or deliverable. */
    BSI_URIS(Standard.BSI, 0.5, "have a source or download URI") {
        @Override
        Check judge(Document d) {
            return share(d, d.m().located());
        }
    },
    PURLS_VALID(Standard.STRUCTURE, 1, null) {
        @Override
        Check judge(Document d) {
            if (d.m().purls() == 0) {
                return notApplicable("no component has a purl");
            }
            return fraction(d.m().validPurls(), d.m().purls(), "purls are valid");
        }
    },
    /** Every component reachable from the subject through the relationships the document states. */
    GRAPH_COMPLETE(Standard.STRUCTURE, 1, null) {
        @Override
        Check judge(Document d) {
            if (d.m().components() == 0) {
                return notApplicable("no components");
            }
            return fraction(d.m().components() - d.m().unreached(), d.m().components(),
                    "components are reachable from the subject");
        }
    },
    NO_DANGLING_REFS(Standard.STRUCTURE, 1, null) {
        @Override
        Check judge(Document d) {
            return whole(d.m().danglingRefs() == 0, d.m().danglingRefs() + " relationships name undefined refs");
        }
    },
    /** Made after 2000 (no SBOM format is older) and not after it was ingested. */
    TIMESTAMP_PLAUSIBLE(Standard.STRUCTURE, 0.5, null) {
        @Override
        Check judge(Document d) {
            return creation(d, () -> {
                Instant made = d.m().timestamp() == null ? null : parse(d.m().timestamp());
                if (made == null) {
                    return notApplicable("no readable timestamp");
                }
                boolean plausible = made.isAfter(Instant.parse("2000-01-01T00:00:00Z"))
                        && !made.isAfter(d.ingestedAt().plus(Duration.ofDays(1)));
                return whole(plausible, "made " + made + ", ingested " + d.ingestedAt());
            });
        }
    },
    /** CycloneDX 1.5 or later, SPDX 2.3 or 3: the versions that carry what the checks above look for. */
    SPEC_VERSION_CURRENT(Standard.STRUCTURE, 0.5, null) {
        @Override
        Check judge(Document d) {
            String v = d.specVersion() == null ? "" : d.specVersion().replaceFirst("^SPDX-", "");
            boolean current = switch (d.format()) {
                case CYCLONEDX_JSON, CYCLONEDX_XML -> v.matches("1\\.([5-9]|\\d\\d+).*");
                case SPDX_2_JSON, SPDX_2_TAG_VALUE -> v.startsWith("2.3");
                default -> true;
            };
            return whole(current, d.format().label() + " " + (v.isEmpty() ? "without a version" : v));
        }
    };

    /** What asks for a check. */
    enum Standard { NTIA, BSI, STRUCTURE }

    /** One SBOM as the checks see it. */
    record Document(DocumentFormat format, String specVersion, Instant ingestedAt, SbomMeasures m) {}

    private final Standard standard;
    private final double weight;
    private final String passing;

    QualityCheck(Standard standard, double weight, String passing) {
        this.standard = standard;
        this.weight = weight;
        this.passing = passing;
    }

    abstract Check judge(Document d);

    double weight() {
        return weight;
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    Check share(Document d, int passed) {
        if (d.m().components() == 0) {
            return notApplicable("no components");
        }
        return fraction(passed, d.m().components(), "components " + passing);
    }

    Check fraction(int passed, int of, String what) {
        double score = Math.round(100.0 * passed / of) / 10.0;
        return check(passed == of ? Verdict.PASS : Verdict.FAIL, score, passed + " of " + of + " " + what);
    }

    Check whole(boolean pass, String reason) {
        return check(pass ? Verdict.PASS : Verdict.FAIL, pass ? 10.0 : 0.0, reason);
    }

    Check notApplicable(String reason) {
        return check(Verdict.NOT_APPLICABLE, null, reason);
    }

    Check creation(Document d, java.util.function.Supplier<Check> judged) {
        return d.m().creationRead() ? judged.get()
                : notApplicable("the " + d.format().label() + " reader does not read who made a document and when");
    }

    Check check(Verdict verdict, Double score, String reason) {
        return new Check(label(), standard.name().toLowerCase(Locale.ROOT), weight, verdict, score, reason);
    }

    static Instant parse(String timestamp) {
        try {
            return OffsetDateTime.parse(timestamp.strip()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

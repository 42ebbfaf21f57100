package io.supplygraph.model.fact;

/**
 * What an SBOM says about its components and itself, counted as it is read: what its quality checks are scored
 * from. Counts are of listed components (the subject excluded unless the document lists it).
 *
 * @param components    listed components
 * @param named         with a name
 * @param versioned     with a version
 * @param supplied      with a supplier (or publisher)
 * @param identified    with a purl or a CPE
 * @param purls         with a purl written
 * @param validPurls    whose purl is valid
 * @param hashed        with any hash
 * @param sha512        with a SHA-512 hash (BSI TR-03183-2 asks for it)
 * @param licensed      with a licence stated (declared or concluded, NOASSERTION not counted)
 * @param spdxLicences  whose licences are SPDX expressions
 * @param located       with a URI (a VCS or download location the format records)
 * @param unreached     components no relationship from the subject reaches
 * @param danglingRefs  relationships naming a ref the document does not define
 * @param creationRead  whether the format's creation info (author, tools, timestamp) was read at all: every
 *                      reader reads it now; false in the measures of SPDX 3 documents stored before it did, whose
 *                      author, tool and timestamp checks then do not apply rather than fail
 * @param timestamp     when the document says it was made, as written, or null
 * @param authors       people and organisations named as its authors
 * @param tools         tools named as having made it
 */
public record SbomMeasures(int components, int named, int versioned, int supplied, int identified, int purls,
        int validPurls, int hashed, int sha512, int licensed, int spdxLicences, int located, int unreached,
        int danglingRefs, boolean creationRead, String timestamp, int authors, int tools) {}

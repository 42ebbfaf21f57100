package io.supplygraph.analysis.view;

import io.supplygraph.model.DocumentFormat;
import io.supplygraph.model.Trust;

/**
 * One ingested document. Documents are listed in the order they were ingested, oldest first.
 *
 * @param subject      the subject as people read it: its purl, or its name (and version) when the document gave it
 *                     no purl; null when the document has no subject
 * @param subjectPurl  the subject's purl, synthetic ({@code pkg:generic/NAME@VERSION}) or not
 * @param components   how many components the document lists
 * @param warnings     how many warnings its ingest produced; {@code documents show} prints them
 * @param size         its size in bytes, decompressed
 * @param source       where it was ingested from: a path, an archive entry, {@code -}
 * @param ingested     when, as the store recorded it
 * @param signer       who signed it, when {@code trust} is verified
 * @param trustReason  why verification failed, when {@code trust} is failed
 * @param application  the application it is about: its subject's purl without the version (its name when made
 *                     up), or the name {@code ingest --app} gave; null for documents about no application
 * @param release      the application's release it is about: its subject's version, or {@code ingest --release}
 * @param producer     the tool that wrote it (without the tool's version), else its author; null when it names none
 * @param supersededBy the digest of the newer document of its release from its producer that replaced it
 *                     ({@code ingest --replace}); a superseded document is kept, but no longer answered from
 */
public record Document(String digest, DocumentFormat format, String specVersion, String name, String subject,
        String subjectPurl, int components, int warnings, long size, String source, String ingested,
        Trust.State trust, String signer, String trustReason, String application, String release, String producer,
        String supersededBy) {}

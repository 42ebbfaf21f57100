-- Who signed each document, as verified at ingest: 'unsigned', 'verified' (with the signer: a certificate
-- identity and its OIDC issuer, or a public key's sha256 id) or 'failed' (with the reason). Documents stored
-- before signatures were checked carried none that Supplygraph read, so they are unsigned.
ALTER TABLE document ADD COLUMN trust TEXT NOT NULL DEFAULT 'unsigned';
ALTER TABLE document ADD COLUMN signer TEXT;
ALTER TABLE document ADD COLUMN trust_reason TEXT;

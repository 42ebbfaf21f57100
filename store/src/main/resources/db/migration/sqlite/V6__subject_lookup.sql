-- Finding a document's subject (depth 0) must not read every row the document contains: listing the documents
-- of a blast radius did that once per document (bench/README.md, "where the time goes").
CREATE INDEX contains_by_document_depth ON contains (document_id, depth);

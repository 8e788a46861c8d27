-- Search inside PostgreSQL (POLICYKB_SEARCH=postgres, lib/search/pg.ts): one row per provision of a
-- current document, written by the application from its own fold of the text (not a Prisma model).
-- pg_trgm ships with Debian's postgresql package and is a trusted extension (the database owner may create it).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE "ProvisionSearch" (
    "provisionId" INTEGER NOT NULL PRIMARY KEY REFERENCES "Provision"("id") ON DELETE CASCADE,
    "documentId" INTEGER NOT NULL REFERENCES "Document"("id") ON DELETE CASCADE,
    -- Folded heading, text and ancestors' headings, joined by newlines (what a query word must be a substring of).
    "folded" TEXT NOT NULL,
    -- Character bigrams of the folded text (and whole runs of other letters and digits) with their positions.
    "bigrams" TSVECTOR NOT NULL,
    -- Deadline dates (ISO) of the provision.
    "dates" TEXT[] NOT NULL,
    -- The provision as the search engine keeps it (JSON), for ranking and hits.
    "record" TEXT NOT NULL
);

CREATE INDEX "ProvisionSearch_documentId_idx" ON "ProvisionSearch"("documentId");
CREATE INDEX "ProvisionSearch_bigrams_idx" ON "ProvisionSearch" USING GIN ("bigrams");
CREATE INDEX "ProvisionSearch_folded_trgm_idx" ON "ProvisionSearch" USING GIN ("folded" gin_trgm_ops);
CREATE INDEX "ProvisionSearch_dates_idx" ON "ProvisionSearch" USING GIN ("dates");

-- What the rows were written for: the store fingerprint (lib/db/index-source.ts) at the last sync.
CREATE TABLE "SearchState" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "fingerprint" TEXT NOT NULL
);

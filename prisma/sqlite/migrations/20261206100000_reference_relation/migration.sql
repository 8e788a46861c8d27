-- What a document does to the one a reference names: repeals, revises, forwards, implements or cites (NULL: a title only quoted).
ALTER TABLE "Reference" ADD COLUMN "relation" TEXT;

-- CreateIndex
CREATE INDEX "Reference_relation_idx" ON "Reference"("relation");

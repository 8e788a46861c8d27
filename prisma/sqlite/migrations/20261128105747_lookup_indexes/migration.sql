-- CreateIndex
CREATE INDEX "Document_title_idx" ON "Document"("title");

-- CreateIndex
CREATE INDEX "Document_docNumber_idx" ON "Document"("docNumber");

-- CreateIndex
CREATE INDEX "Reference_citedTitle_idx" ON "Reference"("citedTitle");

-- CreateIndex
CREATE INDEX "Reference_citedNumber_idx" ON "Reference"("citedNumber");

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Document" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "isCurrent" BOOLEAN NOT NULL DEFAULT true,
    "title" TEXT,
    "kind" TEXT,
    "issuer" TEXT,
    "docNumber" TEXT,
    "addressees" TEXT NOT NULL DEFAULT '[]',
    "issuedAt" TEXT,
    "effectiveFrom" TEXT,
    "effectiveUntil" TEXT,
    "interpreter" TEXT,
    "sourceName" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "sourceText" TEXT NOT NULL,
    "messages" TEXT NOT NULL DEFAULT '[]',
    "importedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Provision" (
    "id" SERIAL NOT NULL,
    "documentId" INTEGER NOT NULL,
    "eid" TEXT NOT NULL,
    "parentEid" TEXT,
    "order" INTEGER NOT NULL,
    "depth" INTEGER NOT NULL,
    "label" TEXT,
    "heading" TEXT,
    "role" TEXT NOT NULL,
    "citation" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,

    CONSTRAINT "Provision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Party" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'other',

    CONSTRAINT "Party_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PartyAlias" (
    "id" SERIAL NOT NULL,
    "partyId" INTEGER NOT NULL,
    "alias" TEXT NOT NULL,
    "source" TEXT NOT NULL DEFAULT 'table',

    CONSTRAINT "PartyAlias_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Responsibility" (
    "id" SERIAL NOT NULL,
    "documentId" INTEGER NOT NULL,
    "provisionId" INTEGER,
    "partyId" INTEGER NOT NULL,
    "mention" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,

    CONSTRAINT "Responsibility_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Deadline" (
    "id" SERIAL NOT NULL,
    "documentId" INTEGER NOT NULL,
    "provisionId" INTEGER,
    "text" TEXT NOT NULL,
    "date" TEXT,
    "kind" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,

    CONSTRAINT "Deadline_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Target" (
    "id" SERIAL NOT NULL,
    "documentId" INTEGER NOT NULL,
    "provisionId" INTEGER,
    "subject" TEXT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "unit" TEXT NOT NULL,
    "comparator" TEXT,
    "baseline" TEXT,
    "deadline" TEXT,
    "text" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,

    CONSTRAINT "Target_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Link" (
    "id" SERIAL NOT NULL,
    "documentId" INTEGER NOT NULL,
    "fromId" INTEGER NOT NULL,
    "toId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "why" TEXT NOT NULL,
    "method" TEXT NOT NULL,

    CONSTRAINT "Link_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Reference" (
    "id" SERIAL NOT NULL,
    "documentId" INTEGER NOT NULL,
    "provisionId" INTEGER,
    "citedTitle" TEXT,
    "citedNumber" TEXT,
    "resolvedDocumentId" INTEGER,
    "text" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,

    CONSTRAINT "Reference_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Document_isCurrent_slug_idx" ON "Document"("isCurrent", "slug");

-- CreateIndex
CREATE INDEX "Document_contentHash_idx" ON "Document"("contentHash");

-- CreateIndex
CREATE INDEX "Document_kind_idx" ON "Document"("kind");

-- CreateIndex
CREATE INDEX "Document_issuer_idx" ON "Document"("issuer");

-- CreateIndex
CREATE INDEX "Document_issuedAt_idx" ON "Document"("issuedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Document_slug_version_key" ON "Document"("slug", "version");

-- CreateIndex
CREATE INDEX "Provision_documentId_order_idx" ON "Provision"("documentId", "order");

-- CreateIndex
CREATE INDEX "Provision_role_idx" ON "Provision"("role");

-- CreateIndex
CREATE UNIQUE INDEX "Provision_documentId_eid_key" ON "Provision"("documentId", "eid");

-- CreateIndex
CREATE UNIQUE INDEX "Party_name_key" ON "Party"("name");

-- CreateIndex
CREATE UNIQUE INDEX "PartyAlias_alias_key" ON "PartyAlias"("alias");

-- CreateIndex
CREATE INDEX "Responsibility_partyId_role_idx" ON "Responsibility"("partyId", "role");

-- CreateIndex
CREATE INDEX "Responsibility_documentId_idx" ON "Responsibility"("documentId");

-- CreateIndex
CREATE INDEX "Responsibility_provisionId_idx" ON "Responsibility"("provisionId");

-- CreateIndex
CREATE INDEX "Deadline_date_idx" ON "Deadline"("date");

-- CreateIndex
CREATE INDEX "Deadline_documentId_idx" ON "Deadline"("documentId");

-- CreateIndex
CREATE INDEX "Deadline_provisionId_idx" ON "Deadline"("provisionId");

-- CreateIndex
CREATE INDEX "Target_documentId_idx" ON "Target"("documentId");

-- CreateIndex
CREATE INDEX "Target_provisionId_idx" ON "Target"("provisionId");

-- CreateIndex
CREATE INDEX "Link_documentId_idx" ON "Link"("documentId");

-- CreateIndex
CREATE INDEX "Link_fromId_idx" ON "Link"("fromId");

-- CreateIndex
CREATE INDEX "Link_toId_idx" ON "Link"("toId");

-- CreateIndex
CREATE INDEX "Reference_documentId_idx" ON "Reference"("documentId");

-- CreateIndex
CREATE INDEX "Reference_resolvedDocumentId_idx" ON "Reference"("resolvedDocumentId");

-- AddForeignKey
ALTER TABLE "Provision" ADD CONSTRAINT "Provision_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartyAlias" ADD CONSTRAINT "PartyAlias_partyId_fkey" FOREIGN KEY ("partyId") REFERENCES "Party"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Responsibility" ADD CONSTRAINT "Responsibility_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Responsibility" ADD CONSTRAINT "Responsibility_provisionId_fkey" FOREIGN KEY ("provisionId") REFERENCES "Provision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Responsibility" ADD CONSTRAINT "Responsibility_partyId_fkey" FOREIGN KEY ("partyId") REFERENCES "Party"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Deadline" ADD CONSTRAINT "Deadline_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Deadline" ADD CONSTRAINT "Deadline_provisionId_fkey" FOREIGN KEY ("provisionId") REFERENCES "Provision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Target" ADD CONSTRAINT "Target_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Target" ADD CONSTRAINT "Target_provisionId_fkey" FOREIGN KEY ("provisionId") REFERENCES "Provision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Link" ADD CONSTRAINT "Link_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Link" ADD CONSTRAINT "Link_fromId_fkey" FOREIGN KEY ("fromId") REFERENCES "Provision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Link" ADD CONSTRAINT "Link_toId_fkey" FOREIGN KEY ("toId") REFERENCES "Provision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reference" ADD CONSTRAINT "Reference_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reference" ADD CONSTRAINT "Reference_provisionId_fkey" FOREIGN KEY ("provisionId") REFERENCES "Provision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reference" ADD CONSTRAINT "Reference_resolvedDocumentId_fkey" FOREIGN KEY ("resolvedDocumentId") REFERENCES "Document"("id") ON DELETE SET NULL ON UPDATE CASCADE;


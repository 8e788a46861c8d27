-- Corrections: a person's fix of a parsed fact, kept apart from the parse (lib/db/corrections.ts).
-- CreateTable
CREATE TABLE "Correction" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "key" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "provision" TEXT,
    "provisionText" TEXT NOT NULL DEFAULT '',
    "provisionStart" INTEGER NOT NULL DEFAULT 0,
    "fact" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "original" TEXT,
    "message" TEXT,
    "note" TEXT NOT NULL,
    "editor" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "undoneAt" DATETIME,
    "undoneBy" TEXT,
    "undoNote" TEXT
);

-- CreateIndex
CREATE UNIQUE INDEX "Correction_key_key" ON "Correction"("key");

-- CreateIndex
CREATE INDEX "Correction_slug_id_idx" ON "Correction"("slug", "id");

-- CreateIndex
CREATE INDEX "Correction_editor_idx" ON "Correction"("editor");


-- A target's verb (下降, 提高到) and the provisions that serve it (JSON array of { provision, why }).
ALTER TABLE "Target" ADD COLUMN "verb" TEXT;
ALTER TABLE "Target" ADD COLUMN "serves" TEXT NOT NULL DEFAULT '[]';

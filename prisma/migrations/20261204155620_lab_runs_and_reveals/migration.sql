-- CreateTable
CREATE TABLE "LabReveal" (
    "learnerId" TEXT NOT NULL,
    "labId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "revealedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("learnerId", "labId"),
    CONSTRAINT "LabReveal_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CodeRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "learnerId" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "message" TEXT,
    "calls" TEXT NOT NULL,
    "durationMs" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CodeRun_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "CodeRun_learnerId_scope_createdAt_idx" ON "CodeRun"("learnerId", "scope", "createdAt");

-- CreateIndex
CREATE INDEX "CodeRun_createdAt_idx" ON "CodeRun"("createdAt");

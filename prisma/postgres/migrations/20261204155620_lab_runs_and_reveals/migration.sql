-- CreateTable
CREATE TABLE "LabReveal" (
    "learnerId" TEXT NOT NULL,
    "labId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "revealedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LabReveal_pkey" PRIMARY KEY ("learnerId","labId")
);

-- CreateTable
CREATE TABLE "CodeRun" (
    "id" TEXT NOT NULL,
    "learnerId" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "message" TEXT,
    "calls" TEXT NOT NULL,
    "durationMs" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CodeRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CodeRun_learnerId_scope_createdAt_idx" ON "CodeRun"("learnerId", "scope", "createdAt");

-- CreateIndex
CREATE INDEX "CodeRun_createdAt_idx" ON "CodeRun"("createdAt");

-- AddForeignKey
ALTER TABLE "LabReveal" ADD CONSTRAINT "LabReveal_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CodeRun" ADD CONSTRAINT "CodeRun_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

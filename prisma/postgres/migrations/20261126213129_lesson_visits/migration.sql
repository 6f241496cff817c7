-- CreateTable
CREATE TABLE "LessonVisit" (
    "learnerId" TEXT NOT NULL,
    "section" TEXT NOT NULL,
    "readPercent" INTEGER NOT NULL DEFAULT 0,
    "lastVisitedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LessonVisit_pkey" PRIMARY KEY ("learnerId","section")
);

-- CreateIndex
CREATE INDEX "LessonVisit_learnerId_lastVisitedAt_idx" ON "LessonVisit"("learnerId", "lastVisitedAt");

-- AddForeignKey
ALTER TABLE "LessonVisit" ADD CONSTRAINT "LessonVisit_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "LessonVisit" (
    "learnerId" TEXT NOT NULL,
    "section" TEXT NOT NULL,
    "readPercent" INTEGER NOT NULL DEFAULT 0,
    "lastVisitedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("learnerId", "section"),
    CONSTRAINT "LessonVisit_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "LessonVisit_learnerId_lastVisitedAt_idx" ON "LessonVisit"("learnerId", "lastVisitedAt");

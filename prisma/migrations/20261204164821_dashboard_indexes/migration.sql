-- CreateIndex
CREATE INDEX "LessonVisit_learnerId_section_readPercent_idx" ON "LessonVisit"("learnerId", "section", "readPercent");

-- CreateIndex
CREATE INDEX "QuizSubmission_learnerId_section_score_total_createdAt_idx" ON "QuizSubmission"("learnerId", "section", "score", "total", "createdAt");

-- AlterTable
ALTER TABLE "LabAttempt" ADD COLUMN     "code" TEXT;

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "employment_types" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "excluded_keywords" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "keep_unknown_sponsorship" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "keep_unstated_salary" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "languages" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "needs_visa_sponsorship" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "remote_regions" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "seniority_max" TEXT,
ADD COLUMN     "seniority_min" TEXT,
ADD COLUMN     "work_arrangements" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateIndex
CREATE INDEX "users_excluded_keywords_idx" ON "users" USING GIN ("excluded_keywords");

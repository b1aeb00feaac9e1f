-- Both columns are derived by TypeScript functions (yearlyTopPay in @jobping/contracts,
-- companyKey in @jobping/db), never by SQL: `jobping-db migrate` fills them for existing rows
-- right after applying this migration (refreshDerivedColumns), and writers store them with
-- the columns they derive from.

-- AlterTable
ALTER TABLE "jobs" ADD COLUMN     "salary_top_yearly" INTEGER;

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "excluded_company_keys" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "signup_email" TEXT;

-- CreateIndex
CREATE INDEX "users_signup_email_idx" ON "users"("signup_email");

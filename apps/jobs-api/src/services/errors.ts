import { Prisma } from '@jobping/db';

/** Prisma's known request error with the given code (P2002 unique, P2003 foreign key, P2025 not found). */
export function isPrismaError(error: unknown, code: string): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === code;
}

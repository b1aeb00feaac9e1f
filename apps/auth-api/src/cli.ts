#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { UsageError, loadConfigOrExit, runCommandLine } from '@jobping/config';
import { createPrismaClientFromConfig } from '@jobping/db';
import { authCliEnvSchema } from './config';
import { emailSchema } from './schemas';
import { UnknownAccountError, UserRoleService, adminByConfig } from './services/roles';

const USAGE = `Usage: jobping users <command>

  users promote <email>   give the account the admin role
  users demote <email>    take the admin role away (the account stays, as a plain user)
  users list-admins       every admin, with whether their address is verified

A change shows in the account's next login or token refresh, at the latest when its current
access token expires (JWT_ACCESS_TTL_SECONDS, 15 minutes by default). Reads DATABASE_URL
(and ADMIN_EMAILS, to warn about it).
Runs as \`pnpm jobping users …\`, \`node dist/cli.js users …\` in the auth-api image.`;


function print(line = ''): void {
  process.stdout.write(`${line}\n`);
}

function emailArg(value: string | undefined): string {
  if (!value) throw new UsageError('name the account by its e-mail address');
  const parsed = emailSchema.safeParse(value);
  if (!parsed.success) throw new UsageError(`"${value}" is not an e-mail address`);
  return parsed.data;
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    print(USAGE);
    return 0;
  }
  const [area, command, email, ...extra] = positionals;
  if (area !== 'users') throw new UsageError(area ? `unknown command "${area}"` : 'name a command');
  if (extra.length > 0) throw new UsageError(`unexpected arguments: ${extra.join(' ')}`);
  if (command !== 'promote' && command !== 'demote' && command !== 'list-admins') {
    throw new UsageError(command ? `unknown users command "${command}"` : 'name a users command');
  }
  const address = command === 'list-admins' ? undefined : emailArg(email);

  const config = loadConfigOrExit(authCliEnvSchema);
  const prisma = createPrismaClientFromConfig(config);
  const roles = new UserRoleService(prisma);
  try {
    if (command === 'list-admins') {
      const admins = await roles.listAdmins();
      if (admins.length === 0) print('no admins: make one with `pnpm jobping users promote <email>`');
      for (const a of admins) print(`${a.email}  ${a.verified ? 'verified' : 'unverified'}  registered ${a.createdAt.toISOString().slice(0, 10)}`);
      return 0;
    }
    const change = command === 'promote' ? await roles.promote(address!) : await roles.demote(address!);
    if (!change.changed) {
      print(`${change.email} is ${change.role} already`);
    } else if (change.role === 'admin') {
      print(`promoted ${change.email} to admin (from their next login or token refresh)`);
    } else {
      print(`demoted ${change.email} to user (from their next token refresh; access tokens already issued keep the role until they expire)`);
    }
    if (change.role === 'user') {
      const user = await prisma.user.findUniqueOrThrow({ where: { email: change.email } });
      if (adminByConfig(user, config.ADMIN_EMAILS)) {
        process.stderr.write(`warning: ${change.email} is verified and listed in ADMIN_EMAILS, so its next login makes it admin again; remove it from ADMIN_EMAILS\n`);
      }
    }
    return 0;
  } catch (error) {
    if (error instanceof UnknownAccountError) {
      process.stderr.write(`${error.message}: check the spelling, or let the person register first, then run this again\n`);
      return 1;
    }
    throw error;
  } finally {
    await prisma.$disconnect();
  }
}

runCommandLine({ name: 'jobping users', usage: USAGE, main });

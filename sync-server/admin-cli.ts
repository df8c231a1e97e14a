// Operator commands: `npm run admin -- <command> [--flag value …]`. Writes straight to the database the
// server uses (PostgreSQL at DATABASE_URL, else SQLite in DATA_DIR), so it works whether or not the
// server is running (both databases allow a second writer).
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline/promises';
import { hashPassword } from './auth/password.ts';
import { readConfig } from './config.ts';
import { openStore } from './db/open-store.ts';

const HELP = `Interview Buddy admin

  npm run admin -- create-org --name "Acme Hiring" --admin-email ada@acme.test --admin-name "Ada" [--password …]
      Creates an organisation and its first admin interviewer.
  npm run admin -- create-user --org "Acme Hiring" --email bob@acme.test --name "Bob" [--role interviewer|admin] [--password …]
      Adds an interviewer to an existing organisation.
  npm run admin -- help

Without --password, the password comes from ADMIN_PASSWORD or is asked for on the terminal.
Passwords must be at least 10 characters. The database is PostgreSQL at DATABASE_URL when it is set,
otherwise SQLite in DATA_DIR (default ./data).`;

class CliError extends Error {
  override name = 'CliError';
}

async function readPassword(given: string | undefined): Promise<string> {
  const password = given ?? process.env.ADMIN_PASSWORD ?? (process.stdin.isTTY ? await ask('Password: ') : undefined);
  if (!password) throw new CliError('No password: pass --password, set ADMIN_PASSWORD, or run this in a terminal to be asked.');
  if (password.length < 10) throw new CliError('That password is too short: use at least 10 characters.');
  return password;
}

async function ask(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return await rl.question(question);
  } finally {
    rl.close();
  }
}

function required(values: Record<string, string | undefined>, name: string): string {
  const value = values[name]?.trim();
  if (!value) throw new CliError(`Missing --${name}. Run \`npm run admin -- help\` for usage.`);
  return value;
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help') {
    console.log(HELP);
    return;
  }
  const { values } = parseArgs({
    args: rest,
    options: {
      name: { type: 'string' },
      'admin-email': { type: 'string' },
      'admin-name': { type: 'string' },
      email: { type: 'string' },
      org: { type: 'string' },
      role: { type: 'string' },
      password: { type: 'string' },
    },
  });
  const config = readConfig();
  const store = await openStore(config);
  try {
    if (command === 'create-org') {
      const name = required(values, 'name');
      const email = required(values, 'admin-email').toLowerCase();
      const adminName = required(values, 'admin-name');
      if (await store.findOrgByName(name)) throw new CliError(`An organisation named "${name}" already exists.`);
      if (await store.findUserByEmail(email)) throw new CliError(`The email ${email} is already in use.`);
      const passwordHash = await hashPassword(await readPassword(values.password));
      const { org, admin } = await store.createOrg({ name, admin: { email, name: adminName, passwordHash } });
      console.log(`Created organisation "${org.name}" (${org.id}) with admin ${admin.email}.`);
      console.log(`Sign in at /interviewer to create invite codes.`);
    } else if (command === 'create-user') {
      const orgName = required(values, 'org');
      const email = required(values, 'email').toLowerCase();
      const name = required(values, 'name');
      const role = values.role ?? 'interviewer';
      if (role !== 'interviewer' && role !== 'admin') throw new CliError('--role must be interviewer or admin.');
      const org = await store.findOrgByName(orgName);
      if (!org) throw new CliError(`No organisation named "${orgName}". Create it with create-org first.`);
      if (await store.findUserByEmail(email)) throw new CliError(`The email ${email} is already in use.`);
      const passwordHash = await hashPassword(await readPassword(values.password));
      const user = await store.createUser({ orgId: org.id, email, name, role, passwordHash });
      console.log(`Added ${user.role} ${user.email} to "${org.name}".`);
    } else {
      throw new CliError(`Unknown command "${command}". Run \`npm run admin -- help\`.`);
    }
  } finally {
    await store.close();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof CliError || error instanceof Error ? `Error: ${error.message}` : error);
  process.exit(1);
});

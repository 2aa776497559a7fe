import { parseArgs } from 'node:util';
import { readConfig } from '../server/config.ts';
import { CliError, openBackend, type Backend } from './backend.ts';
import { demo, importPeople } from './identity-commands.ts';

const HELP = `servicestar — the ServiceStar (服务之星) command line, on the same database as the server

  servicestar import people FILE [--create-organisations] [--all-or-nothing] [--json]
      import people from .xlsx or .csv (工号,姓名,性别,组织,手机,专业,角色); imports the valid
      rows unless --all-or-nothing; exits 1 when any row was rejected
  servicestar demo
      load the demo data (idempotent)

The database is DATA_DIR (default ./data) or DATABASE_URL. When a server holds DATA_DIR the
command works through it.`;

type Command = { run: (backend: Backend, positionals: string[], flags: Record<string, boolean | string | undefined>) => Promise<{ text: string; json?: unknown; exitCode: number }> };

const commands: Record<string, Command> = {
  'import people': {
    async run(backend, [file], flags) {
      if (!file) throw new CliError('usage: servicestar import people FILE [--create-organisations] [--all-or-nothing] [--json]', 2);
      const out = await importPeople(backend, file, { createOrganisations: !!flags['create-organisations'], allOrNothing: !!flags['all-or-nothing'] });
      const text = [
        `imported ${out.imported}, updated ${out.updated}, unchanged ${out.unchanged}, rejected ${out.rejected.length}`,
        ...out.rejected.map((r) => `  row ${r.row}: ${r.reason}`),
      ].join('\n');
      return { text, json: out, exitCode: out.rejected.length > 0 ? 1 : 0 };
    },
  },
  demo: {
    async run(backend) {
      return { text: await demo(backend), exitCode: 0 };
    },
  },
};

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      'create-organisations': { type: 'boolean' },
      'all-or-nothing': { type: 'boolean' },
      bank: { type: 'string' },
      format: { type: 'string' },
      blueprint: { type: 'string' },
      papers: { type: 'string' },
      seed: { type: 'string' },
    },
  });
  const key = [positionals.slice(0, 2).join(' '), positionals[0]].find((k) => k && commands[k]);
  if (values.help || !key) {
    console.log(HELP);
    return values.help ? 0 : 2;
  }
  const rest = positionals.slice(key.split(' ').length);
  const backend = await openBackend(readConfig());
  try {
    const r = await commands[key].run(backend, rest, values);
    if (values.json && r.json !== undefined) process.stdout.write(`${JSON.stringify(r.json)}\n`);
    else console.log(r.text);
    return r.exitCode;
  } finally {
    if (backend.mode === 'local') await backend.close();
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  if (e instanceof CliError) {
    console.error(`servicestar: ${e.message}`);
    process.exitCode = e.exitCode;
  } else {
    console.error(e);
    process.exitCode = 1;
  }
}

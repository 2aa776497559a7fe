import { parseArgs } from 'node:util';
import { readConfig } from '../server/config.ts';
import { CliError, openBackend, type Backend } from './backend.ts';
import { demo, importPeople } from './identity-commands.ts';
import { assemble, exportQuestions, importQuestions } from './bank-commands.ts';
import { advance, formatAdvance } from './contests-commands.ts';

const HELP = `servicestar — the ServiceStar (服务之星) command line, on the same database as the server

  servicestar import people FILE [--create-organisations] [--all-or-nothing] [--json]
      import people from .xlsx or .csv (工号,姓名,性别,组织,手机,专业,角色); imports the valid
      rows unless --all-or-nothing; exits 1 when any row was rejected
  servicestar import questions FILE --bank NAME [--format auto|xlsx|csv|moodle|gift|aiken] [--json]
      import questions (the .xlsx/.csv template, Moodle XML, GIFT or Aiken) into the bank NAME,
      created under the root organisation when missing; re-importing changes nothing;
      exits 1 when any question was skipped
  servicestar export questions --bank NAME --format xlsx|moodle OUT
      write the bank's questions to OUT
  servicestar assemble --bank NAME --blueprint FILE.json --papers K [--seed N] [--name NAME] [--json]
      build K parallel papers (A/B/C 卷) as a paper set, or print which constraint cannot be
      met and by how much (exit 1)
  servicestar advance --contest ID --stage ID [--dry-run] [--json]
      who advances from the stage and why (rank, score, tie-break used); writes the advancing
      entries into the next stage unless --dry-run; refuses, naming who, while a score is missing
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
  'import questions': {
    async run(backend, [file], flags) {
      if (!file || typeof flags.bank !== 'string') throw new CliError('usage: servicestar import questions FILE --bank NAME [--format auto|xlsx|csv|moodle|gift|aiken] [--json]', 2);
      const out = await importQuestions(backend, file, { bank: flags.bank, format: typeof flags.format === 'string' ? flags.format : 'auto' });
      const types = Object.entries(out.byType).filter(([, n]) => n > 0).map(([t, n]) => `${t} ${n}`).join(', ');
      const text = [
        `imported ${out.imported}, updated ${out.updated}, unchanged ${out.unchanged}, skipped ${out.skipped.length}${types ? ` (${types})` : ''}`,
        ...out.skipped.map((r) => `  line ${r.line}: ${r.reason}`),
      ].join('\n');
      return { text, json: out, exitCode: out.skipped.length > 0 ? 1 : 0 };
    },
  },
  'export questions': {
    async run(backend, [out], flags) {
      if (!out || typeof flags.bank !== 'string' || typeof flags.format !== 'string') throw new CliError('usage: servicestar export questions --bank NAME --format xlsx|moodle OUT', 2);
      const r = await exportQuestions(backend, out, { bank: flags.bank, format: flags.format });
      return { text: `wrote ${r.file} (${r.bytes} bytes)`, json: r, exitCode: 0 };
    },
  },
  assemble: {
    async run(backend, _rest, flags) {
      if (typeof flags.bank !== 'string' || typeof flags.blueprint !== 'string' || typeof flags.papers !== 'string') {
        throw new CliError('usage: servicestar assemble --bank NAME --blueprint FILE.json --papers K [--seed N] [--name NAME] [--json]', 2);
      }
      const r = await assemble(backend, { bank: flags.bank, blueprint: flags.blueprint, papers: Number(flags.papers), seed: typeof flags.seed === 'string' ? Number(flags.seed) : undefined, name: typeof flags.name === 'string' ? flags.name : undefined });
      if (!r.ok) return { text: ['cannot assemble:', ...r.problems.map((p) => `  ${p.message}\n  ${p.messageZh}`)].join('\n'), json: r, exitCode: 1 };
      const lines = r.papers.map((p) => `  ${p.label} 卷: ${p.questions} questions, ${p.totalScore} points, difficulty ${Object.values(p.difficultyCounts).join('/')}`);
      return { text: [`paper set ${r.paperSetId} "${r.name}" (seed ${r.seed}):`, ...lines].join('\n'), json: r, exitCode: 0 };
    },
  },
  advance: {
    async run(backend, _rest, flags) {
      if (typeof flags.contest !== 'string' || typeof flags.stage !== 'string') throw new CliError('usage: servicestar advance --contest ID --stage ID [--dry-run] [--json]', 2);
      const r = await advance(backend, { contest: Number(flags.contest), stage: flags.stage, dryRun: !!flags['dry-run'] });
      return { text: formatAdvance(r), json: r, exitCode: 0 };
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
      name: { type: 'string' },
      contest: { type: 'string' },
      stage: { type: 'string' },
      'dry-run': { type: 'boolean' },
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

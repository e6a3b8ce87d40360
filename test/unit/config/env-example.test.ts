import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import ts from 'typescript';
import { parseEnv } from '../../../src/config/env';

const REPO_DIR = path.resolve(__dirname, '../../..');
const EXAMPLE = readFileSync(path.join(REPO_DIR, '.env.example'), 'utf8');
const ENV_SOURCE = path.join(REPO_DIR, 'src/config/env.ts');

/** The keys of `EnvSchema = z.object({...})` in env.ts, read from its syntax tree (the schema is not exported). */
function envSchemaKeys(): string[] {
  const sf = ts.createSourceFile(ENV_SOURCE, readFileSync(ENV_SOURCE, 'utf8'), ts.ScriptTarget.Latest, true);
  let keys: string[] | undefined;
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && node.name.getText(sf) === 'EnvSchema' && node.initializer && ts.isCallExpression(node.initializer)) {
      const shape = node.initializer.arguments[0];
      if (shape && ts.isObjectLiteralExpression(shape)) keys = shape.properties.map((p) => p.name!.getText(sf));
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  if (!keys) throw new Error('EnvSchema = z.object({...}) not found in src/config/env.ts');
  return keys;
}

/** The variables the interface spec's environment table names, when shared/ is beside the repository. */
function specVariables(): string[] {
  const spec = readFileSync(path.resolve(REPO_DIR, '../shared/spec/interface.md'), 'utf8');
  const table = spec.slice(spec.indexOf('## Environment'), spec.indexOf('\n## ', spec.indexOf('## Environment') + 1));
  return [...new Set([...table.matchAll(/^\| (.+?) \|/gm)].flatMap((row) => [...row[1]!.matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((m) => m[1]!)))];
}

const lines = EXAMPLE.split('\n');
const exampleKeys = lines.flatMap((line) => /^([A-Z][A-Z0-9_]*)=/.exec(line)?.[1] ?? []);

describe('.env.example', () => {
  test('lists every variable of the env schema, and only those', () => {
    expect([...exampleKeys].sort()).toEqual(envSchemaKeys().sort());
  });

  test('lists each variable once', () => {
    expect(exampleKeys.filter((k, i) => exampleKeys.indexOf(k) !== i)).toEqual([]);
  });

  test('lists every variable the interface spec names', () => {
    const vars = specVariables();
    expect(vars).toContain('SLACK_BOT_TOKEN'); // the table was found
    expect(vars.filter((v) => !exampleKeys.includes(v))).toEqual([]);
  });

  test('puts a comment line right above each variable', () => {
    // A group heading ("# ---- Redis ----") does not count: it says nothing about the variable.
    const uncommented = lines.flatMap((line, i) => (/^[A-Z]/.test(line) && !/^# (?!-)\S/.test(lines[i - 1] ?? '') ? [line] : []));
    expect(uncommented).toEqual([]);
  });

  test('holds only defaults, so a copy of it runs the sandbox exactly as an empty environment does', () => {
    const env = parseEnv(parseDotenv(EXAMPLE));
    expect(env.mode).toBe('sandbox');
    expect(env).toEqual(parseEnv({}));
  });
});

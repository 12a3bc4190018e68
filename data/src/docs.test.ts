// The repository's documentation: README.md stays short, every environment variable is documented,
// and every relative link in README.md and docs/ leads to a file (and heading) that exists.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { ENVIRONMENT_VARIABLES } from './config.js';
import { REPO_ROOT } from './paths.js';

const README = join(REPO_ROOT, 'README.md');
const DOCS = join(REPO_ROOT, 'docs');
/** Where the configuration table may live: the README, or this file when it outgrows the README. */
const CONFIGURATION_FILES = [README, join(DOCS, 'configuration.md')];

const MAX_README_LINES = 250;

function markdownFiles(): string[] {
  const docs = readdirSync(DOCS, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .map((name) => join(DOCS, name));
  return [README, ...docs.sort()];
}

/** The text without fenced code blocks and inline code, where brackets are not links. */
function prose(markdown: string): string {
  return markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '').replace(/(`+)[^`]*?\1/g, '');
}

/** Link targets: [text](target) and ![alt](target), without an optional "title". */
function linkTargets(markdown: string): string[] {
  const targets: string[] = [];
  for (const match of prose(markdown).matchAll(/!?\[[^\]]*\]\(\s*(<[^>]*>|[^\s)]+)(?:\s+"[^"]*")?\s*\)/g)) {
    targets.push(match[1]!.replace(/^<|>$/g, ''));
  }
  return targets;
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
function headingSlug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  const withoutCode = markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
  for (const match of withoutCode.matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const slug = headingSlug(match[1]!);
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    anchors.add(n === 0 ? slug : `${slug}-${n}`);
  }
  return anchors;
}

/** Problems with the relative links of one file: a missing file, or a missing heading in a Markdown file. */
function brokenLinks(file: string): string[] {
  const problems: string[] = [];
  const text = readFileSync(file, 'utf8');
  for (const target of linkTargets(text)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//')) continue; // https:, mailto:, …
    const [pathPart, anchor] = target.split('#', 2) as [string, string | undefined];
    const path = decodeURI(pathPart);
    const resolved = path === '' ? file : resolve(dirname(file), path);
    const where = `${relative(REPO_ROOT, file)}: (${target})`;
    if (!resolved.startsWith(REPO_ROOT) || !existsSync(resolved)) {
      problems.push(`${where} — no such file`);
      continue;
    }
    if (anchor && resolved.endsWith('.md') && statSync(resolved).isFile() && !anchorsOf(readFileSync(resolved, 'utf8')).has(anchor)) {
      problems.push(`${where} — no heading #${anchor}`);
    }
  }
  return problems;
}

describe('documentation', () => {
  test(`README.md has at most ${MAX_README_LINES} lines`, () => {
    const lines = readFileSync(README, 'utf8').replace(/\n$/, '').split('\n').length;
    expect(lines).toBeLessThanOrEqual(MAX_README_LINES);
  });

  test('every environment variable of the config modules (data and API) has a row in the configuration table', async () => {
    // The API's module by path: @pantau/api depends on this package, not the other way round.
    const api = (await import(pathToFileURL(join(REPO_ROOT, 'apps/api/src/config.ts')).href)) as { API_ENVIRONMENT_VARIABLES: readonly string[] };
    const variables = [...ENVIRONMENT_VARIABLES, ...api.API_ENVIRONMENT_VARIABLES];
    expect(ENVIRONMENT_VARIABLES.length).toBeGreaterThan(5);
    expect(api.API_ENVIRONMENT_VARIABLES.length).toBeGreaterThan(5);
    const tables = CONFIGURATION_FILES.filter((f) => existsSync(f))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    const undocumented = variables.filter((name) => !new RegExp(`^\\|\\s*\`${name}\`\\s*\\|`, 'm').test(tables));
    expect(undocumented).toEqual([]);
  });

  test('every relative link in README.md and docs/ resolves', () => {
    const files = markdownFiles();
    expect(files.length).toBeGreaterThan(1);
    expect(files.flatMap(brokenLinks)).toEqual([]);
  });

  test('the link checker sees links and headings as GitHub does', () => {
    expect(linkTargets('See [a](docs/a.md#x) and ![i](<img one.png> "t"), not `[b](c.md)` or\n```\n[d](e.md)\n```\n')).toEqual(['docs/a.md#x', 'img one.png']);
    expect(headingSlug('Offline briefings (service worker)')).toBe('offline-briefings-service-worker');
    expect(headingSlug('Coverage gaps and hot spots')).toBe('coverage-gaps-and-hot-spots');
    expect(headingSlug('Access control: accounts, roles, scopes, audit')).toBe('access-control-accounts-roles-scopes-audit');
  });
});

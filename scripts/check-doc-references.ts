/**
 * Keeps the repository documenting itself (run by `npm run lint`). Fails, listing `file:line: why`,
 * when a file
 * - cites a document outside the repository (the specification, operations or design documents
 *   the project started from, their shell recipes) or an issue of the tracker ("issue 4", "#4")
 *   instead of the page in docs/ that now says the same;
 * - names a `docs/…` path that does not exist, or a section (`docs/product/api.md § Plans`) that
 *   the page has no heading for;
 * - (Markdown only) links to a relative file or an anchor that does not exist.
 * A section is found when the text after `§ ` starts with a heading of the page, or with the part
 * of a heading before its colon ("Rule 7" for "Rule 7: Import direction"); so keep a citation's
 * section name on the line of its `§`. Why a lint script:
 * docs/decisions/0021-checking-documentation-references.md.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const self = path.relative(root, import.meta.filename);

/** Not ours, generated, or not text: never read. */
const skippedDirectories = new Set(['.git', '.tools', 'node_modules', 'var', 'dist', 'coverage', '.vitest-artifacts', 'e2e/artifacts']);
const skippedFiles = new Set(['package-lock.json', self]);
const textExtensions = new Set(['.ts', '.tsx', '.js', '.mjs', '.cjs', '.md', '.yml', '.yaml', '.json', '.sh', '.css', '.html']);
/** Text files without one of those extensions. */
const extensionlessTextFiles = new Set(['.ci/run', '.github/CODEOWNERS']);

/**
 * Where an issue number is the point: the page that records which issue set each target, and a
 * changelog if the project starts one.
 */
const filesAllowedToCiteIssues = new Set(['docs/product/performance-targets.md', 'CHANGELOG.md']);

interface Problem {
  file: string;
  line: number;
  message: string;
}

interface Rule {
  pattern: RegExp;
  message: string;
  /** Whether the rule applies to a file (path from the repository root); to every file when left out. */
  appliesTo?: (file: string) => boolean;
}

const outsideDocumentRules: Rule[] = [
  {
    pattern: /\b(?:SPEC|OPERATIONS|DESIGN)(?:\.md)?\b/g,
    message: 'cites a document outside the repository: point to docs/product/… or docs/design-rules.md instead',
  },
  {
    pattern: /\brecipes\/[\w.-]+\.sh\b/g,
    message: 'cites a shell recipe outside the repository: describe what it shows, or point to docs/',
  },
  {
    pattern: /\b[Ii]ssues? #?\d+/g,
    message: 'cites an issue of the tracker: point to the docs/ page that holds the requirement (docs/product/performance-targets.md for targets)',
    appliesTo: (file) => !filesAllowedToCiteIssues.has(file),
  },
  {
    // "#6", "(#4)": an issue number, not a colour ('#333' is quoted in code; CSS files are skipped).
    pattern: /(?<=^|[\s([])(?<![Ii]ssues? )#\d{1,4}(?![\w-])/g,
    message: 'cites an issue of the tracker ("#N"): point to the docs/ page that holds the requirement',
    appliesTo: (file) => !filesAllowedToCiteIssues.has(file) && !file.endsWith('.css'),
  },
];

/** `docs/…` as written anywhere, not as part of a longer path (`../docs/…` is a Markdown link, checked below). */
const docsPathPattern = /(?<![\w./-])docs\/[\w./-]*/g;
const markdownLinkPattern = /\[[^\]]*\]\(([^)\s]+)\)/g;

async function listFiles(directory = ''): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(path.join(root, directory), { withFileTypes: true })) {
    const relative = directory === '' ? entry.name : `${directory}/${entry.name}`;
    if (entry.isDirectory()) {
      if (!skippedDirectories.has(entry.name) && !skippedDirectories.has(relative)) files.push(...(await listFiles(relative)));
    } else if (entry.isFile() && !skippedFiles.has(relative)) {
      if (textExtensions.has(path.extname(entry.name)) || extensionlessTextFiles.has(relative)) files.push(relative);
    }
  }
  return files;
}

async function exists(relativePath: string): Promise<boolean> {
  try {
    await stat(path.join(root, relativePath));
    return true;
  } catch {
    return false;
  }
}

interface Heading {
  /** The heading as written, without code marks and bold or italic stars. */
  text: string;
  /** GitHub's anchor for it. */
  slug: string;
}

const headingsByFile = new Map<string, Promise<Heading[]>>();

/** The headings of a Markdown file outside fenced code blocks (a `# comment` in a shell block is not one). */
function headingsOf(relativePath: string): Promise<Heading[]> {
  let headings = headingsByFile.get(relativePath);
  if (!headings) {
    headings = readFile(path.join(root, relativePath), 'utf8').then((text) => {
      const found: Heading[] = [];
      const slugCounts = new Map<string, number>();
      let isInFence = false;
      for (const line of text.split('\n')) {
        if (/^\s*(```|~~~)/.test(line)) isInFence = !isInFence;
        const match = isInFence ? null : /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
        if (!match?.[1]) continue;
        const heading = match[1].replace(/[`*]/g, '');
        const base = slugOf(heading);
        const count = slugCounts.get(base) ?? 0;
        slugCounts.set(base, count + 1);
        found.push({ text: heading, slug: count === 0 ? base : `${base}-${count}` });
      }
      return found;
    });
    headingsByFile.set(relativePath, headings);
  }
  return headings;
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces as hyphens. */
function slugOf(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** Whether `section` (the text after `§ `) starts with one of the file's headings, or the part of one before its colon. */
async function hasSection(markdownFile: string, section: string): Promise<boolean> {
  const wanted = section.toLowerCase();
  for (const { text } of await headingsOf(markdownFile)) {
    for (const name of [text, text.split(':')[0] ?? text]) {
      const candidate = name.trim().toLowerCase();
      if (wanted.startsWith(candidate) && !/[\p{L}\p{N}]/u.test(wanted.charAt(candidate.length))) return true;
    }
  }
  return false;
}

async function checkDocsPath(line: string, index: number, rawPath: string): Promise<string | undefined> {
  // A sentence may end right after the path: "… see docs/operations.md."
  const docsPath = rawPath.replace(/[.-]+$/, '');
  if (!(await exists(docsPath))) return `names ${docsPath}, which does not exist`;
  if (!docsPath.endsWith('.md')) return undefined;
  const after = line.slice(index + rawPath.length);
  const sectionMatch = /^(?:`|\*\*)?,?\s*§\s*(.*)$/.exec(after);
  if (!sectionMatch) return undefined;
  const section = sectionMatch[1]?.trim() ?? '';
  if (section === '') return `cites a section of ${docsPath} without its name on the same line`;
  if (!(await hasSection(docsPath, section))) return `cites "${docsPath} § ${section}", but ${docsPath} has no such heading`;
  return undefined;
}

async function checkMarkdownLink(file: string, target: string): Promise<string | undefined> {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return undefined; // https:, mailto:
  const [targetPath = '', anchor] = target.split('#');
  const resolved = targetPath === '' ? file : path.posix.normalize(path.posix.join(path.posix.dirname(file), targetPath));
  if (resolved.startsWith('..')) return `links to ${target}, outside the repository`;
  if (!(await exists(resolved))) return `links to ${target}, which does not exist`;
  if (anchor === undefined || !resolved.endsWith('.md')) return undefined;
  const headings = await headingsOf(resolved);
  if (!headings.some((heading) => heading.slug === anchor)) return `links to ${target}, but ${resolved} has no heading with that anchor`;
  return undefined;
}

async function checkFile(file: string): Promise<Problem[]> {
  const problems: Problem[] = [];
  const lines = (await readFile(path.join(root, file), 'utf8')).split('\n');
  for (const [index, line] of lines.entries()) {
    const report = (message: string) => problems.push({ file, line: index + 1, message });
    for (const rule of outsideDocumentRules) {
      if (rule.appliesTo && !rule.appliesTo(file)) continue;
      for (const match of line.matchAll(rule.pattern)) report(`"${match[0]}" ${rule.message}`);
    }
    for (const match of line.matchAll(docsPathPattern)) {
      const message = await checkDocsPath(line, match.index, match[0]);
      if (message) report(message);
    }
    if (file.endsWith('.md')) {
      for (const match of line.matchAll(markdownLinkPattern)) {
        const message = await checkMarkdownLink(file, match[1] ?? '');
        if (message) report(message);
      }
    }
  }
  return problems;
}

const problems = (await Promise.all((await listFiles()).map(checkFile))).flat();
for (const { file, line, message } of problems) process.stderr.write(`${file}:${line}: ${message}\n`);
if (problems.length > 0) {
  process.stderr.write(`\n${problems.length} reference(s) to fix: the documentation lives in docs/ (see docs/README.md).\n`);
  process.exitCode = 1;
}

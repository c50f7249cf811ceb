import { parseDocument } from 'yaml';
import { slugify } from '@gantry/domain';
import { FieldProblem, UsageError } from '../cli-errors';

/** One resource as written in the file: the API's POST body. */
export interface ApplyItem {
  name: string;
  slug?: string;
  [field: string]: unknown;
}

export interface ProjectApplyItem extends ApplyItem {
  channels?: ApplyItem[];
  variables?: Record<string, unknown>[];
}

export interface ApplyFile {
  environments: ApplyItem[];
  lifecycles: ApplyItem[];
  projects: ProjectApplyItem[];
  tenants: ApplyItem[];
  targets: ApplyItem[];
}

export const APPLY_LISTS = [
  'environments',
  'lifecycles',
  'projects',
  'tenants',
  'targets',
] as const;

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The slug an item is matched by: its own, or the one the server derives from its name. */
export function itemKey(item: { name?: unknown; slug?: unknown }): string {
  if (typeof item.slug === 'string' && item.slug) return item.slug;
  return typeof item.name === 'string' ? slugify(item.name) : '';
}

/**
 * Parses and checks the shape of an apply file: the five top-level lists, objects with a name
 * (or a slug), no key twice in one list. Field values are left for the server to judge.
 * Throws a UsageError listing every problem with its path.
 */
export function parseApplyFile(text: string): ApplyFile {
  const document = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (document.errors.length) {
    throw new UsageError(
      'the file is not valid YAML',
      document.errors.map((error) => ({
        path: `line ${error.linePos?.[0]?.line ?? '?'}`,
        message: error.message.split('\n')[0],
      })),
    );
  }
  const root: unknown = document.toJS() ?? {};
  if (!isObject(root))
    throw new UsageError('the file must be a YAML mapping with lists: ' + APPLY_LISTS.join(', '));
  const problems: FieldProblem[] = Object.keys(root)
    .filter((key) => !(APPLY_LISTS as readonly string[]).includes(key))
    .map((key) => ({
      path: key,
      message: `unknown list; expected one of ${APPLY_LISTS.join(', ')}`,
    }));
  const lists = Object.fromEntries(
    APPLY_LISTS.map((list) => [list, checkList(root[list], list, problems)]),
  ) as unknown as ApplyFile;
  lists.projects.forEach((project, index) => {
    if (project.channels !== undefined)
      checkList(project.channels, `projects.${index}.channels`, problems);
    if (project.variables !== undefined)
      checkVariables(project.variables, `projects.${index}.variables`, problems);
  });
  if (problems.length) throw new UsageError('the file is invalid', problems);
  return lists;
}

function checkList(value: unknown, path: string, problems: FieldProblem[]): ApplyItem[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    problems.push({ path, message: 'must be a list' });
    return [];
  }
  const seen = new Set<string>();
  value.forEach((item, index) => {
    if (!isObject(item))
      return problems.push({ path: `${path}.${index}`, message: 'must be a mapping' });
    if (typeof item.name !== 'string' || !item.name.trim())
      return problems.push({ path: `${path}.${index}.name`, message: 'required' });
    const key = itemKey(item);
    if (!key)
      return problems.push({
        path: `${path}.${index}.slug`,
        message: 'required when the name has no letters or digits',
      });
    if (seen.has(key))
      problems.push({ path: `${path}.${index}`, message: `'${key}' appears twice` });
    seen.add(key);
  });
  return value as ApplyItem[];
}

function checkVariables(value: unknown, path: string, problems: FieldProblem[]): void {
  if (!Array.isArray(value)) return void problems.push({ path, message: 'must be a list' });
  value.forEach((item, index) => {
    if (!isObject(item)) problems.push({ path: `${path}.${index}`, message: 'must be a mapping' });
    else if (typeof item.name !== 'string')
      problems.push({ path: `${path}.${index}.name`, message: 'required' });
  });
}

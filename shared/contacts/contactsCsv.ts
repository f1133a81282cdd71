import { RecordId } from '../ops/ids.ts';
import { normalizeName } from '../util/normalizeName.ts';
import { issuePath } from '../util/zodError.ts';
import { ContactFields, EMPTY_CONTACT, type ContactKind } from './contact.ts';
import { CSV_LIMITS, parseCsv, toCsv, type CsvLimits } from './csv.ts';

/**
 * The contacts directory as CSV (README "Contacts and on-call" documents the header). Export
 * writes every column; import needs a header naming `name` and takes any of the others, in any
 * order. A file is taken whole or not at all: the first bad line refuses it, named.
 */
export const CONTACT_COLUMNS = ['id', 'type', 'name', 'roles', 'phone', 'email', 'chat', 'timezone', 'provides', 'support_url', 'account_id', 'tier', 'notes'] as const;
type Column = (typeof CONTACT_COLUMNS)[number];

const FIELD_OF: Record<Exclude<Column, 'id' | 'type' | 'roles'>, keyof ContactFields> = {
  name: 'name',
  phone: 'phone',
  email: 'email',
  chat: 'chat',
  timezone: 'timezone',
  provides: 'provides',
  support_url: 'supportUrl',
  account_id: 'accountId',
  tier: 'tier',
  notes: 'notes',
};

/** Several roles share one cell, separated by `;`. */
const ROLE_SEPARATOR = ';';

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return) as a formula.
 * Export puts a `'` before such a cell, and before one that already starts with `'`s followed by
 * such a character, so import can take exactly one `'` off and every value survives a round trip.
 */
const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r']);
function startsFormula(value: string): boolean {
  let i = 0;
  while (value[i] === "'") i += 1;
  return FORMULA_START.has(value[i] ?? '');
}
export function guardFormula(value: string): string {
  return startsFormula(value) ? `'${value}` : value;
}
export function unguardFormula(value: string): string {
  return value.startsWith("'") && startsFormula(value) ? value.slice(1) : value;
}

export interface ContactExport extends ContactFields {
  id: string;
}

/** Every contact not removed, people first, by name, as CSV with the full header. */
export function contactsToCsv(contacts: readonly ContactExport[]): string {
  const rows = contacts
    .filter((c) => !c.removed)
    .sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name, 'en') : a.kind === 'person' ? -1 : 1))
    .map((c) =>
      CONTACT_COLUMNS.map((column) => {
        if (column === 'id') return c.id;
        if (column === 'type') return c.kind;
        if (column === 'roles') return c.roles.join(`${ROLE_SEPARATOR} `);
        return String(c[FIELD_OF[column]]);
      }).map(guardFormula),
    );
  return toCsv([[...CONTACT_COLUMNS], ...rows]);
}

export interface ImportedContact {
  line: number;
  /** From the `id` column; absent: matched by type and name, or new. */
  id?: string;
  fields: ContactFields;
}

export type ContactsCsvResult = { ok: true; contacts: ImportedContact[] } | { ok: false; line: number; error: string };

const fail = (line: number, error: string): ContactsCsvResult => ({ ok: false, line, error });

/** Read a contacts CSV: every row checked; the first fault refuses the whole file. */
export function parseContactsCsv(text: string, limits: CsvLimits = CSV_LIMITS): ContactsCsvResult {
  const parsed = parseCsv(text, limits);
  if (!parsed.ok) return parsed;
  const [header, ...rows] = parsed.records;
  if (!header) return fail(1, 'the file is empty: the first line is the header');
  const columns: Column[] = [];
  for (const raw of header.fields) {
    const name = raw.trim().toLowerCase() as Column;
    if (!CONTACT_COLUMNS.includes(name)) return fail(header.line, `unknown column "${raw.slice(0, 40)}": the columns are ${CONTACT_COLUMNS.join(', ')}`);
    if (columns.includes(name)) return fail(header.line, `the column "${name}" is there twice`);
    columns.push(name);
  }
  if (!columns.includes('name')) return fail(header.line, 'the header has no "name" column');
  const contacts: ImportedContact[] = [];
  const seen = new Map<string, number>();
  for (const record of rows) {
    if (record.fields.every((f) => f.trim() === '')) continue;
    if (record.fields.length !== columns.length) return fail(record.line, `${record.fields.length} fields where the header has ${columns.length}`);
    const values: Record<string, unknown> = { ...EMPTY_CONTACT, kind: 'person' };
    let id: string | undefined;
    for (const [index, column] of columns.entries()) {
      const cell = unguardFormula(record.fields[index]!);
      if (column === 'id') {
        if (cell.trim() === '') continue;
        if (!RecordId.safeParse(cell.trim()).success) return fail(record.line, `id "${cell.slice(0, 70)}" is not an id War Room wrote`);
        id = cell.trim();
      } else if (column === 'type') {
        const type = cell.trim().toLowerCase() || 'person';
        if (type !== 'person' && type !== 'vendor') return fail(record.line, `type "${cell.slice(0, 40)}" is neither person nor vendor`);
        values['kind'] = type satisfies ContactKind;
      } else if (column === 'roles') {
        values['roles'] = cell.split(ROLE_SEPARATOR).map((r) => r.trim()).filter((r) => r !== '');
      } else values[FIELD_OF[column]] = cell;
    }
    const fields = ContactFields.safeParse(values);
    if (!fields.success) {
      const issue = fields.error.issues[0]!;
      return fail(record.line, `${issuePath(issue.path)}: ${issue.message}`);
    }
    const identity = id ?? `${fields.data.kind}:${normalizeName(fields.data.name)}`;
    const before = seen.get(identity);
    if (before !== undefined) return fail(record.line, `the same contact as line ${before}`);
    seen.set(identity, record.line);
    contacts.push({ line: record.line, ...(id !== undefined && { id }), fields: fields.data });
  }
  return { ok: true, contacts };
}

export interface ImportPlan {
  create: { id?: string; fields: ContactFields }[];
  /** Only the fields that differ. */
  update: { id: string; fields: Partial<ContactFields> }[];
  unchanged: number;
}

/**
 * What importing changes: a row whose id is known, or whose type and name match a contact in the
 * directory, updates it (so re-importing an export adds no duplicate); any other row is new.
 */
export function planContactsImport(rows: readonly ImportedContact[], existing: readonly ContactExport[]): ImportPlan {
  const byId = new Map(existing.map((c) => [c.id, c]));
  const byName = new Map(existing.filter((c) => !c.removed).map((c) => [`${c.kind}:${normalizeName(c.name)}`, c]));
  const plan: ImportPlan = { create: [], update: [], unchanged: 0 };
  for (const row of rows) {
    const match = (row.id !== undefined ? byId.get(row.id) : undefined) ?? byName.get(`${row.fields.kind}:${normalizeName(row.fields.name)}`);
    if (!match) {
      plan.create.push({ ...(row.id !== undefined && { id: row.id }), fields: row.fields });
      continue;
    }
    const changed: Partial<ContactFields> = {};
    for (const key of Object.keys(row.fields) as (keyof ContactFields)[]) {
      if (JSON.stringify(row.fields[key]) !== JSON.stringify(match[key])) (changed as Record<string, unknown>)[key] = row.fields[key];
    }
    if (Object.keys(changed).length === 0) plan.unchanged += 1;
    else plan.update.push({ id: match.id, fields: changed });
  }
  return plan;
}

import type { z } from 'zod';
import type { OpEnvelope } from '../ops/envelope.ts';
import { stampOf, type Stamp } from './register.ts';

/**
 * The entity registry: the op-log core (ops, fold, sync) is generic over it and names no entity.
 * Each entity (incidents, entries, checklists, …) is one module that declares its table, its op
 * kinds with their schemas and reducers, its empty doc and the row it materializes; the app
 * registers them in one list (shared/entities/index.ts). See docs/architecture.md#entity-registry.
 */

/** Which doc an op touches: the entity's table and the doc's key in it. */
export interface DocRef {
  table: string;
  key: string;
}

/** How folded docs are keyed across tables: `<table>:<key>`. */
export function docId(ref: DocRef): string {
  return `${ref.table}:${ref.key}`;
}

/** Every doc says where it lives, so a folded doc can be turned into its row without context. */
export type DocBase = DocRef;

/** A materialized row: the doc, keyed as the doc is, plus whatever the entity indexes and views. */
export interface RowBase {
  key: string;
  doc: DocBase;
}

/** An op whose `data` passed its kind's schema. */
export type TypedOp<K extends string, D> = Omit<OpEnvelope, 'kind' | 'data'> & { kind: K; data: D };

/** What an op looks like before it is stamped (a commit reads the doc it touches first). */
export interface OpAddress<D = unknown> {
  kind: string;
  incident: string | null;
  data: D;
}

/** One op kind: the schema of its `data`, the doc it touches, and how it changes that doc. */
export interface KindSpec<Doc, Data> {
  data: z.ZodType<Data>;
  /** The key of the touched doc within the entity's table. */
  key(op: OpAddress<Data>): string;
  /** Pure, commutative and idempotent: the fold may see ops in any order, and more than once. */
  reduce(doc: Doc, op: TypedOp<string, Data>, stamp: Stamp): Doc;
  /**
   * Why this app must not make the op now, given the doc it touches (undefined: not held), or
   * null. A local rule checked before an op is stamped; the reducer or view must still make any
   * op a peer sends harmless, since a peer may not follow it.
   */
  refuse?(doc: Doc | undefined, op: OpAddress<Data>): string | null;
}

/** A kind spec whose data type is erased, for the registry's generic dispatch. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- data types differ per kind; each spec is checked where it is written
export type AnyKindSpec<Doc = any> = KindSpec<Doc, any>;

export interface EntityDef<T extends string, Doc extends DocBase, Row extends RowBase, Kinds extends Record<string, AnyKindSpec<Doc>>> {
  table: T;
  /** Incident ops name their incident; team-wide settings carry null (the envelope checks it). */
  scope: 'incident' | 'team';
  /**
   * Dexie's index spec (primary key first) at `since`, the schema version that introduced the
   * table, then each later change of it, oldest first: at version `at` the spec becomes
   * `indexes` and the table's rows are rebuilt from their docs (`row`), so the new index covers them.
   */
  store: { indexes: string; since: number; changes?: readonly { at: number; indexes: string }[] };
  kinds: Kinds;
  /** The doc before any op has touched it. */
  empty(key: string, op: OpAddress<z.output<Kinds[keyof Kinds]['data']>>): Doc;
  /** The materialized row: the doc, its view and the fields the table indexes. */
  row(doc: Doc): Row;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the registry holds entities of every doc type
export type AnyEntity = EntityDef<string, any, any, any>;

/** Declare one op kind of an entity whose doc type is `Doc`: `kind<EntryDoc>()(schema, { key, reduce })`. */
export function kind<Doc>() {
  return <S extends z.ZodType>(
    data: S,
    spec: { key(op: OpAddress<z.output<S>>): string; reduce(doc: Doc, op: TypedOp<string, z.output<S>>, stamp: Stamp): Doc; refuse?(doc: Doc | undefined, op: OpAddress<z.output<S>>): string | null },
  ): KindSpec<Doc, z.output<S>> => ({
    data: data as unknown as z.ZodType<z.output<S>>,
    key: spec.key,
    reduce: spec.reduce,
    ...(spec.refuse ? { refuse: spec.refuse } : {}),
  });
}

/** The doc key of an entity with one doc per incident (the incident itself, its post-mortem, its exercise). */
export function byIncident(op: { incident: string | null }): string {
  if (op.incident === null) throw new Error('an incident op without an incident');
  return op.incident;
}

/** Identity, for inference: an entity module writes `export const entries = defineEntity({ … })`. */
export function defineEntity<T extends string, Doc extends DocBase, Row extends RowBase, Kinds extends Record<string, AnyKindSpec<Doc>>>(
  entity: EntityDef<T, Doc, Row, Kinds>,
): EntityDef<T, Doc, Row, Kinds> {
  return entity;
}

/** What the envelope needs to judge an op's kind and data (parseOp, createOp). */
export interface KindCatalog {
  isKnownKind(kind: string): boolean;
  /** Whether ops of this known kind must name an incident. */
  needsIncident(kind: string): boolean;
  dataSchema(kind: string): z.ZodType | undefined;
}

export interface Registry<E extends AnyEntity = AnyEntity> extends KindCatalog {
  readonly entities: readonly E[];
  /** Every materialized table, in registration order. */
  readonly tables: readonly E['table'][];
  refOf(op: OpAddress): DocRef;
  reduce(doc: DocBase | undefined, op: OpEnvelope): DocBase;
  /** Why this app must not make the op now (its kind's `refuse`), or null. */
  refusal(doc: DocBase | undefined, op: OpAddress): string | null;
  rowOf(doc: DocBase): RowBase;
}

const KIND_PATTERN = /^[a-z][a-z-]*\.[a-z][a-z-]*$/;
const TABLE_PATTERN = /^[a-z][a-zA-Z]*$/;

/**
 * Index the entities by table and kind. Throws on a registration that cannot work (two entities
 * on one table, a kind declared twice or malformed): a programming error, caught by the tests.
 */
export function createRegistry<const E extends readonly AnyEntity[]>(entities: E): Registry<E[number]> {
  const byTable = new Map<string, AnyEntity>();
  const byKind = new Map<string, { entity: AnyEntity; spec: AnyKindSpec }>();
  for (const entity of entities) {
    if (!TABLE_PATTERN.test(entity.table)) throw new Error(`entity table "${entity.table}" is not a plain table name`);
    if (byTable.has(entity.table)) throw new Error(`two entities declare the table "${entity.table}"`);
    byTable.set(entity.table, entity);
    for (const [name, spec] of Object.entries(entity.kinds as Record<string, AnyKindSpec>)) {
      if (!KIND_PATTERN.test(name)) throw new Error(`op kind "${name}" of ${entity.table} is not <entity>.<verb>`);
      if (byKind.has(name)) throw new Error(`op kind "${name}" is declared by ${byKind.get(name)!.entity.table} and ${entity.table}`);
      byKind.set(name, { entity, spec });
    }
  }
  const known = (kind: string) => {
    const found = byKind.get(kind);
    if (!found) throw new Error(`unknown op kind ${kind}`);
    return found;
  };
  const tableOf = (table: string) => {
    const entity = byTable.get(table);
    if (!entity) throw new Error(`no entity has the table ${table}`);
    return entity;
  };
  return {
    entities: [...entities],
    tables: entities.map((entity) => entity.table),
    isKnownKind: (kind) => byKind.has(kind),
    needsIncident: (kind) => known(kind).entity.scope === 'incident',
    dataSchema: (kind) => byKind.get(kind)?.spec.data,
    refOf(op) {
      const { entity, spec } = known(op.kind);
      return { table: entity.table, key: spec.key(op) };
    },
    reduce(doc, op) {
      const { entity, spec } = known(op.kind);
      const key = spec.key(op);
      return spec.reduce(doc ?? entity.empty(key, op), op, stampOf(op));
    },
    refusal: (doc, op) => known(op.kind).spec.refuse?.(doc, op) ?? null,
    rowOf: (doc) => tableOf(doc.table).row(doc),
  };
}

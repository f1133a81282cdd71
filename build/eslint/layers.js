// @ts-check
/**
 * Local ESLint plugin: `layers/allowed-imports` keeps the three layers of docs/architecture.md#layers apart.
 *
 * Modelled on VS Code's `code-layering` / `code-import-patterns` rules: a file knows its room by
 * its folder, and every import it makes (static, re-export, dynamic `import()` with a string,
 * `require()` of a string, `import x = require()`, `typeof import()`) is checked against what that
 * room may see. An import that crosses a wall the wrong way is an error, and the message names
 * the file's layer, the import and the reason.
 *
 * In renderer/, only renderer/db/ imports Dexie (`dexie`, `dexie-react-hooks`), and nothing imports the
 * removed module-level database (renderer/app/db.ts): features get the database from
 * `useDatabase()` or as a parameter, and reach its tables only through renderer/db/.
 * `layers/tables-in-db` keeps raw table code (db.entries…, db.transaction) inside renderer/db/, and
 * `layers/append-only-ops` keeps the `ops` table append-only outside the one remedy that may delete.
 *
 * Path aliases are not resolved: only relative (and absolute) specifiers are treated as files;
 * everything else is a Node built-in, 'electron' or an npm package. Type-only imports are checked
 * like any other: a type from the wrong room couples the rooms just the same.
 */
import { builtinModules } from 'node:module';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: this file lives in <root>/build/eslint/. */
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * npm packages pure enough for shared/ (and the sandboxed preload): no DOM, no Node, no globals
 * beyond ECMAScript. A package and all its subpaths (`@noble/hashes/sha2`) are allowed.
 * Extend this list after checking the package really is pure (or pass `purePackages` as an
 * option to the rule).
 */
export const PURE_PACKAGES = [
  'zod',
  '@noble/hashes',
  // Ed25519 for op signatures: pure ECMAScript; randomness comes from the caller.
  '@noble/curves',
  // The Markdown parser for runbooks: pure ESM over strings. One dependency
  // (decode-named-character-reference) has a browser build that uses `document`, picked only
  // where a DOM exists; Node and workers get the plain build.
  'unified',
  'remark-parse',
  'remark-gfm',
];

/** Packages that belong to the renderer (React, its DOM, Dexie, UI state): never in shared/, host/ or cli/. */
export const RENDERER_PACKAGES = [
  'react',
  'react-dom',
  'react-markdown',
  'dexie',
  'dexie-react-hooks',
  'zustand',
];

/**
 * Packages only renderer/db/ may import: every feature reaches the data through the typed
 * queries, hooks and commits renderer/db/ exports, never through Dexie itself.
 */
export const DATA_PACKAGES = ['dexie', 'dexie-react-hooks'];

/** The module-level database singleton that used to live here; the database is now provided. */
const REMOVED_SINGLETON = 'renderer/app/db.ts';

/** @typedef {'shared' | 'renderer' | 'electron/main' | 'electron/preload' | 'electron/host' | 'electron/cli' | 'electron' | 'test' | 'build' | 'other'} Layer */

/**
 * @typedef {{ kind: 'file', layer: Layer }
 *   | { kind: 'builtin' }
 *   | { kind: 'electron' }
 *   | { kind: 'package', name: string }} Target
 */

const ELECTRON_ROOMS = new Set(['main', 'preload', 'host', 'cli']);
const TOP_LAYERS = new Set(['shared', 'renderer', 'test', 'build']);

/**
 * The layer a file belongs to, from its path relative to the repository root.
 * @param {string} file absolute path
 * @param {string} [root]
 * @returns {Layer}
 */
export function layerOf(file, root = REPO_ROOT) {
  if (!isAbsolute(file)) return 'other';
  const rel = relative(root, file);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return 'other';
  const parts = rel.split(sep);
  if (parts.length < 2) return 'other'; // a file at the root (eslint.config.js, …)
  const top = /** @type {string} */ (parts[0]);
  if (TOP_LAYERS.has(top)) return /** @type {Layer} */ (top);
  if (top === 'electron') {
    const room = parts.length > 2 ? /** @type {string} */ (parts[1]) : '';
    return ELECTRON_ROOMS.has(room) ? /** @type {Layer} */ (`electron/${room}`) : 'electron';
  }
  return 'other';
}

/**
 * The op-log core: the envelope, the fold and sync, generic over the entity registry. It may
 * import itself and shared/util only, never an entity or feature module (docs/architecture.md#layers).
 */
export const CORE_FOLDERS = ['shared/ops', 'shared/state', 'shared/sync'];
const CORE_MAY_IMPORT = [...CORE_FOLDERS, 'shared/util'];

/** @param {string} file absolute path @param {readonly string[]} folders @param {string} [root] */
function inFolders(file, folders, root = REPO_ROOT) {
  const rel = relative(root, file).split(sep).join('/');
  return folders.some((folder) => rel.startsWith(`${folder}/`));
}

/**
 * Why a core file must not import `spec`, or null: a relative import that leaves the core for
 * another part of shared/. (Imports that leave shared/ are judged by the layer walls.)
 * @param {string} spec @param {string} fromFile @param {string} [root]
 */
export function coreViolation(spec, fromFile, root = REPO_ROOT) {
  if (!inFolders(fromFile, CORE_FOLDERS, root)) return null;
  const path = spec.replace(/[?#].*$/, '');
  if (!(path.startsWith('./') || path.startsWith('../'))) return null;
  const target = resolve(dirname(fromFile), path);
  if (layerOf(target, root) !== 'shared' || inFolders(target, CORE_MAY_IMPORT, root)) return null;
  return 'the op-log core (shared/ops, shared/state, shared/sync) imports only itself and shared/util: entities and features plug in through the registry; docs/architecture.md#layers';
}

/** How a layer is named in messages. @param {Layer} layer */
function label(layer) {
  return layer === 'other' ? 'a file outside the layer folders' : `${layer}/`;
}

const BUILTINS = new Set(builtinModules.map((m) => m.replace(/^node:/, '')));

/** @param {string} spec */
function isBuiltin(spec) {
  return spec.startsWith('node:') || BUILTINS.has(spec);
}

/** `@scope/name/sub` → `@scope/name`; `name/sub` → `name`. @param {string} spec */
export function packageName(spec) {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : /** @type {string} */ (parts[0]);
}

/**
 * What an import specifier points at.
 * @param {string} spec as written in the source
 * @param {string} fromFile absolute path of the importing file
 * @param {string} root
 * @returns {Target}
 */
export function classify(spec, fromFile, root = REPO_ROOT) {
  const path = spec.replace(/[?#].*$/, ''); // './icon.svg?url', './worker.ts?worker'
  if (path === '.' || path === '..' || path.startsWith('./') || path.startsWith('../')) {
    return { kind: 'file', layer: layerOf(resolve(dirname(fromFile), path), root) };
  }
  if (isAbsolute(path)) return { kind: 'file', layer: layerOf(path, root) };
  if (isBuiltin(spec)) return { kind: 'builtin' };
  const name = packageName(spec);
  if (name === 'electron') return { kind: 'electron' };
  return { kind: 'package', name };
}

const WHY = {
  shared: 'shared runs everywhere: docs/architecture.md#layers',
  sharedUp: 'arrows point down only: renderer → shared, electron → shared; docs/architecture.md#layers',
  sharedFiles: 'shared/ imports only shared/: docs/architecture.md#layers',
  rendererNode: 'the renderer is a browser page; desktop features go through the host bridge: docs/architecture.md#layers and #the-bridge',
  rendererElectron:
    "only electron/main/ imports 'electron'; the renderer reaches the desktop through the bridge: docs/architecture.md#layers and #the-bridge",
  rendererUp: 'the renderer never imports electron/; use the bridge contract in shared/bridge: docs/architecture.md#layers and #the-bridge',
  rendererFiles: 'renderer/ imports only renderer/ and shared/: docs/architecture.md#layers',
  mainRenderer: 'electron/ loads the renderer as a page, never as a module: docs/architecture.md#layers',
  preload:
    "the sandboxed preload only exposes the bridge contract, from 'electron', shared/ and preload/: docs/architecture.md#layers and #the-bridge",
  preloadNode: 'the preload is sandboxed: no Node built-ins; it only exposes the bridge contract: docs/architecture.md#layers and #the-bridge',
  sharedUi: 'shared runs everywhere, without DOM or React: docs/architecture.md#layers',
  hostElectron:
    "host/ is plain Node, unit-tested without Electron; only electron/main/ imports 'electron': docs/architecture.md#layers",
  cliElectron: "the warroom CLI runs on plain Node; only electron/main/ imports 'electron': docs/architecture.md#layers",
  nodeUi: 'React, Dexie and zustand belong to renderer/; host/ and cli/ are plain Node: docs/architecture.md#layers',
  electronRenderer: 'arrows point down only: electron → shared, never → renderer; docs/architecture.md#layers',
  hostFiles: 'host/ imports only shared/ and host/; main calls host, not the reverse: docs/architecture.md#layers',
  cliFiles: 'cli/ runs over host/ and shared/ only: docs/architecture.md#layers',
  dataPackage:
    'only renderer/db/ touches Dexie; read through the queries and hooks renderer/db/ exports and write through commit()/commitAll() or its other named functions, so every change is an op',
  removedSingleton:
    'there is no module-level database; take it from useDatabase() (renderer/db/DatabaseProvider.tsx) or as a parameter',
};

/**
 * Whether `file` lies in renderer/db/, the one room that may touch Dexie.
 * @param {string} file absolute path
 * @param {string} [root]
 */
export function isInRendererDb(file, root = REPO_ROOT) {
  const parts = relative(root, file).split(sep);
  return parts[0] === 'renderer' && parts[1] === 'db' && parts.length > 2;
}

/**
 * Why a renderer/ file must not reach the data this way (Dexie outside renderer/db/, or the
 * removed database singleton), or null when it may.
 * @param {string} file absolute path of the importing file
 * @param {string} spec as written in the source
 * @param {Target} target
 * @param {string} [root]
 * @returns {string | null}
 */
export function dataViolation(file, spec, target, root = REPO_ROOT) {
  if (layerOf(file, root) !== 'renderer' || isInRendererDb(file, root)) return null;
  if (target.kind === 'package' && DATA_PACKAGES.includes(target.name)) return WHY.dataPackage;
  if (target.kind === 'file') {
    const path = spec.replace(/[?#].*$/, '');
    const resolved = relative(root, isAbsolute(path) ? path : resolve(dirname(file), path)).split(sep).join('/');
    if (resolved === REMOVED_SINGLETON || resolved === REMOVED_SINGLETON.replace(/\.ts$/, '')) return WHY.removedSingleton;
  }
  return null;
}

/**
 * Why `from` must not import `target`, or null when the import is allowed.
 * @param {Layer} from
 * @param {Target} target
 * @param {ReadonlySet<string>} pure
 * @returns {string | null}
 */
export function violation(from, target, pure) {
  const isUi = target.kind === 'package' && RENDERER_PACKAGES.includes(target.name);
  const isPure = target.kind === 'package' && pure.has(target.name);
  const list = [...pure].join(', ');
  switch (from) {
    case 'shared':
      if (target.kind === 'builtin' || target.kind === 'electron') return WHY.shared;
      if (isUi) return WHY.sharedUi;
      if (target.kind === 'package' && !isPure) {
        return `shared/ imports only pure packages (${list}); if this one is pure, add it to PURE_PACKAGES in build/eslint/layers.js: docs/architecture.md#layers`;
      }
      if (target.kind === 'file' && target.layer !== 'shared') {
        return target.layer === 'renderer' || target.layer.startsWith('electron') ? WHY.sharedUp : WHY.sharedFiles;
      }
      return null;
    case 'renderer':
      if (target.kind === 'builtin') return WHY.rendererNode;
      if (target.kind === 'electron') return WHY.rendererElectron;
      if (target.kind === 'file' && target.layer !== 'shared' && target.layer !== 'renderer') {
        return target.layer.startsWith('electron') ? WHY.rendererUp : WHY.rendererFiles;
      }
      return null;
    case 'electron/main':
    case 'electron':
      if (target.kind === 'file' && target.layer === 'renderer') return WHY.mainRenderer;
      return null;
    case 'electron/preload':
      if (target.kind === 'builtin') return WHY.preloadNode;
      if (target.kind === 'package' && !isPure) return WHY.preload;
      if (target.kind === 'file' && target.layer !== 'shared' && target.layer !== 'electron/preload') {
        return WHY.preload;
      }
      return null;
    case 'electron/host':
    case 'electron/cli': {
      const cli = from === 'electron/cli';
      if (target.kind === 'electron') return cli ? WHY.cliElectron : WHY.hostElectron;
      if (isUi) return WHY.nodeUi;
      if (target.kind === 'file') {
        if (target.layer === 'renderer') return WHY.electronRenderer;
        const ok = ['shared', 'electron/host', ...(cli ? ['electron/cli'] : [])];
        if (!ok.includes(target.layer)) return cli ? WHY.cliFiles : WHY.hostFiles;
      }
      return null;
    }
    default: // test/, build/ and files outside the layers may import anything
      return null;
  }
}

/** How the import is named in messages. @param {Target} target @param {string} spec */
function describe(target, spec) {
  switch (target.kind) {
    case 'builtin':
      return `Node built-in '${spec}'`;
    case 'electron':
      return `'${spec}'`;
    case 'package':
      return `package '${spec}'`;
    case 'file':
      return target.layer === 'other' ? `'${spec}' (outside the layer folders)` : `${label(target.layer)} module '${spec}'`;
  }
}

/** @param {unknown} node @returns {string | null} */
function stringValue(node) {
  if (!node || typeof node !== 'object') return null;
  const n = /** @type {{ type: string, value?: unknown, expressions?: unknown[], quasis?: { value: { cooked: string | null } }[] }} */ (node);
  if (n.type === 'Literal' && typeof n.value === 'string') return n.value;
  if (n.type === 'TemplateLiteral' && n.expressions?.length === 0) return n.quasis?.[0]?.value.cooked ?? null;
  return null;
}

/** @type {import('eslint').Rule.RuleModule} */
const allowedImports = {
  meta: {
    type: 'problem',
    docs: {
      description:
        'Imports may only point down the layers of docs/architecture.md#layers (shared ← renderer, shared ← electron); in renderer/, only renderer/db/ imports Dexie.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          purePackages: { type: 'array', items: { type: 'string' }, uniqueItems: true },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      wall: '{{from}} must not import {{what}} ({{why}})',
    },
  },
  create(context) {
    const file = context.filename;
    const from = layerOf(file);
    if (from === 'test' || from === 'build' || from === 'other') return {};
    /** @type {{ purePackages?: string[] }} */
    const options = context.options[0] ?? {};
    const pure = new Set([...PURE_PACKAGES, ...(options.purePackages ?? [])]);

    /** @param {any} node the string node to report on */
    function check(node) {
      const spec = stringValue(node);
      if (spec === null) return;
      const target = classify(spec, file);
      const why = violation(from, target, pure) ?? coreViolation(spec, file);
      const dataWhy = why ? null : dataViolation(file, spec, target);
      if (why || dataWhy) {
        context.report({
          node,
          messageId: 'wall',
          data: { from: why ? label(from) : 'renderer/ outside renderer/db/', what: describe(target, spec), why: why ?? dataWhy ?? '' },
        });
      }
    }

    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
      CallExpression(node) {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require') check(node.arguments[0]);
      },
      // TypeScript: `import fs = require('fs')` and `typeof import('fs')`.
      /** @param {any} node */
      TSExternalModuleReference: (node) => check(node.expression),
      /** @param {any} node */
      TSImportType: (node) => check(node.source ?? node.argument?.literal),
    };
  },
};

/** The one file that may delete ops: the new-identity remedy re-records stranded ops under a new device id. */
const OPS_DELETER = 'renderer/db/newIdentity.ts';
const DELETING = new Set(['delete', 'bulkDelete', 'clear']);

/**
 * Whether a call's callee chain reads `.ops` before a deleting method: `db.ops.bulkDelete(…)`,
 * `db.ops.where(…).below(…).delete()`, `this.db.ops.clear()`.
 * @param {any} callee
 */
function deletesOps(callee) {
  if (callee?.type !== 'MemberExpression' || callee.property?.type !== 'Identifier' || !DELETING.has(callee.property.name)) return false;
  /** @type {any} */
  let node = callee.object;
  while (node) {
    if (node.type === 'MemberExpression') {
      if (node.property?.type === 'Identifier' && node.property.name === 'ops') return true;
      node = node.object;
    } else if (node.type === 'CallExpression') node = node.callee;
    else return false;
  }
  return false;
}

/** @type {import('eslint').Rule.RuleModule} */
const appendOnlyOps = {
  meta: {
    type: 'problem',
    docs: { description: `The ops table is append-only: only ${OPS_DELETER} may delete ops.` },
    schema: [],
    messages: {
      appendOnly:
        `ops are the source of truth and are never deleted; the one exception is ${OPS_DELETER}, which re-records stranded ops under a new device id`,
    },
  },
  create(context) {
    const file = context.filename;
    if (layerOf(file) !== 'renderer' || relative(REPO_ROOT, file).split(sep).join('/') === OPS_DELETER) return {};
    return {
      CallExpression(node) {
        if (deletesOps(node.callee)) context.report({ node, messageId: 'appendOnly' });
      },
    };
  },
};

/** WarRoomDb's tables, and `transaction`: what only renderer/db/ reaches into. */
export const DB_MEMBERS = new Set([
  'ops',
  'meta',
  'incidents',
  'entries',
  'settings',
  'checklists',
  'postmortems',
  'actions',
  'exercises',
  'drafts',
  'pending',
  'syncTargets',
  'syncLog',
  'transaction',
]);

/** `db` or `this.db`: how the renderer names the database it was given. @param {any} node */
function isDatabase(node) {
  if (node?.type === 'Identifier') return node.name === 'db';
  return node?.type === 'MemberExpression' && node.object?.type === 'ThisExpression' && node.property?.type === 'Identifier' && node.property.name === 'db';
}

/** @type {import('eslint').Rule.RuleModule} */
const tablesInDb = {
  meta: {
    type: 'problem',
    docs: { description: 'Outside renderer/db/, the database is passed along, never reached into (db.entries, db.transaction…).' },
    schema: [],
    messages: {
      raw: "renderer/ outside renderer/db/ must not use db.{{member}} (tables are reached only through the named queries, hooks and commits renderer/db/ exports, so every write is an op and every read is typed)",
    },
  },
  create(context) {
    const file = context.filename;
    if (layerOf(file) !== 'renderer' || isInRendererDb(file)) return {};
    return {
      /** @param {any} node */
      MemberExpression(node) {
        if (node.computed || node.property?.type !== 'Identifier' || !DB_MEMBERS.has(node.property.name) || !isDatabase(node.object)) return;
        context.report({ node, messageId: 'raw', data: { member: node.property.name } });
      },
    };
  },
};

const plugin = {
  meta: { name: 'warroom-layers', version: '1.0.0' },
  rules: { 'allowed-imports': allowedImports, 'append-only-ops': appendOnlyOps, 'tables-in-db': tablesInDb },
};

export default plugin;

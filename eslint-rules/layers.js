// `layers/imports`: which folder of src may reach which, in the manner of VS Code's
// code-layering rule. Each file belongs to the first layer whose folder holds it; every
// module it names, by any road (import, export … from, import(), require(), and
// createRequire(…)(…)), is resolved and checked against that layer's table:
//   - `may`: the src folders (or modules, named without extension) it may import from
//     (relative imports resolved to a path),
//     and `except`: folders inside those it still may not;
//   - `packages`: 'any', or the only bare packages (npm or node:) it may name;
//   - `never`: bare packages it must not name even where `packages` is 'any';
//   - `electronNames`: for the preload, the only names it may take from electron.
// Type-only imports are erased at build time and cross layers freely (the API contract
// is types), except into a layer's `never` list. A module named by a non-literal
// expression cannot be checked, so it is refused in a layer that forbids anything.
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';

function isNodeBuiltin(name) {
  return name.startsWith('node:') || builtinModules.includes(name);
}

function packageName(name) {
  if (name.startsWith('node:')) return name;
  const parts = name.split('/');
  return name.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function inFolder(path, folder) {
  return path === folder || path.startsWith(`${folder}/`);
}

/** A string literal module name, or null for an expression that cannot be known. */
function literal(node) {
  if (node?.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node?.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? null;
  return null;
}

/** `require(x)`, or `createRequire(…)(x)` / `r(x)` where r was made by createRequire. */
function isRequireCall(node, requireNames) {
  const callee = node.callee;
  if (callee.type === 'Identifier') return callee.name === 'require' || requireNames.has(callee.name);
  return callee.type === 'CallExpression' && callee.callee.type === 'Identifier' && callee.callee.name === 'createRequire';
}

export default {
  rules: {
    imports: {
      meta: {
        type: 'problem',
        schema: [{ type: 'object', properties: { layers: { type: 'array' } }, required: ['layers'], additionalProperties: false }],
        messages: {
          folder: '{{layer}} may not import from {{target}}: {{why}}',
          package: '{{layer}} may not use {{name}}: {{why}}',
          unknown: '{{layer}} may only name modules by a literal string, so that what it loads can be checked.',
          electronName: 'The preload may take only {{allowed}} from electron, not {{name}}.',
        },
      },
      create(context) {
        const root = context.cwd;
        const file = relative(root, context.filename).split(sep).join('/');
        const layer = context.options[0].layers.find((l) => l.folders.some((f) => inFolder(file, f)));
        if (layer === undefined) return {};
        const requireNames = new Set();

        function check(node, name, typeOnly) {
          if (name === null) {
            if (layer.packages !== 'any' || layer.never !== undefined) context.report({ node, messageId: 'unknown', data: { layer: layer.name } });
            return;
          }
          if (name.startsWith('.')) {
            if (typeOnly) return;
            const target = relative(root, resolve(dirname(join(root, file)), name)).split(sep).join('/');
            if (!target.startsWith('src/')) return;
            const mayReach = layer.may.some((f) => inFolder(target, f)) && !(layer.except ?? []).some((f) => inFolder(target, f));
            if (!mayReach) context.report({ node, messageId: 'folder', data: { layer: layer.name, target, why: layer.why } });
            return;
          }
          const pkg = packageName(name);
          const never = (layer.never ?? []).some((n) => pkg === n || (n === 'node:*' && isNodeBuiltin(name)));
          const allowed = layer.packages === 'any' || layer.packages.some((n) => pkg === n || (n === 'node:*' && isNodeBuiltin(name)));
          if (never || (!typeOnly && !allowed)) context.report({ node, messageId: 'package', data: { layer: layer.name, name, why: layer.why } });
        }

        return {
          ImportDeclaration(node) {
            const typeOnly = node.importKind === 'type' || (node.specifiers.length > 0 && node.specifiers.every((s) => s.importKind === 'type'));
            check(node.source, literal(node.source), typeOnly);
            if (layer.electronNames !== undefined && node.source.value === 'electron' && !typeOnly) {
              for (const s of node.specifiers) {
                const name = s.type === 'ImportSpecifier' ? (s.imported.name ?? s.imported.value) : '* or default';
                if (s.importKind !== 'type' && !layer.electronNames.includes(name)) {
                  context.report({ node: s, messageId: 'electronName', data: { allowed: layer.electronNames.join(', '), name } });
                }
              }
            }
          },
          ExportNamedDeclaration(node) {
            if (node.source) check(node.source, literal(node.source), node.exportKind === 'type');
          },
          ExportAllDeclaration(node) {
            check(node.source, literal(node.source), node.exportKind === 'type');
          },
          ImportExpression(node) {
            check(node.source, literal(node.source), false);
          },
          VariableDeclarator(node) {
            // const r = createRequire(import.meta.url): r(…) is a require from here on.
            const init = node.init;
            if (node.id.type === 'Identifier' && init?.type === 'CallExpression' && init.callee.type === 'Identifier' && init.callee.name === 'createRequire') {
              requireNames.add(node.id.name);
            }
          },
          CallExpression(node) {
            if (!isRequireCall(node, requireNames) || node.arguments.length === 0) return;
            check(node.arguments[0], literal(node.arguments[0]), false);
          },
        };
      },
    },
  },
};

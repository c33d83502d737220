// @ts-check
import path from 'node:path';

/**
 * Modules meet only at their front door. A file in src/modules/<a>/ may import another module
 * only through src/modules/<b>/index.ts, the module's manifest (its routes, jobs, schedules and
 * public functions). src/modules/visible.ts, beside the modules, follows the same rule.
 * platform/ never imports a module (see no-restricted-imports in eslint.config.js).
 */
export default {
  meta: {
    type: 'problem',
    docs: { description: 'modules import each other only through their index.ts' },
    schema: [],
    messages: {
      deep: 'Import the {{module}} module through its index (src/modules/{{module}}/index.ts), not {{file}}.',
    },
  },
  create(context) {
    const file = context.filename;
    const modulesDir = path.join(context.cwd, 'src', 'modules');
    if (!file.startsWith(modulesDir + path.sep)) return {};
    const own = path.relative(modulesDir, file).split(path.sep);
    const ownModule = own.length > 1 ? own[0] : null;
    const check = (node, source) => {
      if (!source || typeof source.value !== 'string' || !source.value.startsWith('.')) return;
      const target = path.resolve(path.dirname(file), source.value);
      if (!target.startsWith(modulesDir + path.sep)) return;
      const parts = path.relative(modulesDir, target).split(path.sep);
      if (parts.length < 2) return;
      const [targetModule, ...rest] = parts;
      if (targetModule === ownModule) return;
      if (rest.length === 1 && /^index\.(js|ts)$/.test(rest[0])) return;
      context.report({ node, messageId: 'deep', data: { module: targetModule, file: rest.join('/') } });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
    };
  },
};

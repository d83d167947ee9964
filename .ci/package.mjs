// Build step: the npm package, in DIST/npm, and its tarball, DIST/smi-widget-VERSION.tgz.
// Usage: node .ci/package.mjs DIST VERSION FILE…   (the widget's files, copied in as they are)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const [dist, version, ...files] = process.argv.slice(2);
const out = path.join(dist, 'npm');
const src = new URL('../src/js/', import.meta.url);
fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });
for (const file of files) fs.cpSync(file, path.join(out, path.basename(file)), { recursive: true });
// The types and the Custom Elements Manifest, generated from the Rust types (tests/native/types.rs).
fs.copyFileSync(new URL('smi-widget.d.ts', src), path.join(out, 'smi-widget.d.ts'));
fs.copyFileSync(new URL('custom-elements.json', src), path.join(out, 'custom-elements.json'));

const pkg = {
  name: 'smi-widget',
  version,
  description: "The Social Maturity Index assessment as a web component: the whole assessment and its scoring run in the visitor's browser, and end with a shareable result card.",
  license: 'MIT',
  type: 'module',
  main: './smi-widget.js',
  module: './smi-widget.js',
  types: './smi-widget.d.ts',
  exports: {
    '.': { types: './smi-widget.d.ts', default: './smi-widget.js' },
    './smi_widget_bg.wasm': './smi_widget_bg.wasm',
    './i18n/*': './i18n/*',
    './integrity.json': './integrity.json',
    './custom-elements.json': './custom-elements.json',
    './package.json': './package.json',
  },
  files: fs.readdirSync(out).filter((f) => f !== 'package.json').sort(),
  // Importing the module defines <smi-assessment>: a bundler must keep it.
  sideEffects: ['./smi-widget.js'],
  customElements: 'custom-elements.json',
  keywords: ['web-component', 'custom-element', 'assessment', 'quiz', 'webassembly', 'social-maturity-index'],
};
fs.writeFileSync(path.join(out, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
fs.writeFileSync(path.join(out, 'README.md'), `# smi-widget ${version}

The Social Maturity Index assessment as a web component, \`<smi-assessment>\`. Importing the
package defines the element; \`mount\`, \`checkOptions\`, \`checkQuestionnaire\` and \`version\`
are named exports, with TypeScript types, and \`custom-elements.json\` describes the element's
attributes, events and CSS custom properties.

\`\`\`js
import { mount } from 'smi-widget';
document.body.append(Object.assign(document.createElement('smi-assessment'), { id: 'smi' }));
\`\`\`

The module finds its wasm and translations next to itself (\`new URL(…, import.meta.url)\`),
which Vite and webpack 5 follow, and checks them against their sha384 before use.
`);
execFileSync('npm', ['pack', '--silent', '--pack-destination', path.resolve(dist)], { cwd: out, stdio: ['ignore', 'ignore', 'inherit'] });
console.log(`npm package ${pkg.name}@${version}: ${dist}/smi-widget-${version}.tgz`);

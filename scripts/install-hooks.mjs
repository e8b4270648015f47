// Installs the git hooks that refuse personal data before it is committed (DOMAIN.md:
// anything in git history is published forever). Run by `npm ci` / `npm install` via the
// `prepare` script; plain Node so it needs nothing installed first.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

let hooksDir;
try {
  hooksDir = execFileSync('git', ['rev-parse', '--git-path', 'hooks'], { encoding: 'utf8' }).trim();
} catch {
  console.log('install-hooks: not a git checkout, no hooks installed.');
  process.exit(0);
}
fs.mkdirSync(hooksDir, { recursive: true });

// Git runs hooks outside npm, with the committer's PATH: put the project's own bin directory
// first, as npm scripts do, so the hooks run on the Node the project pins (node_modules/.bin/node,
// README "Node 24") and not on an older system Node.
const hooks = {
  'pre-commit': 'exec tsx scripts/precommit.ts',
  'commit-msg': 'exec tsx scripts/precommit.ts --message "$1"',
};
for (const [name, command] of Object.entries(hooks)) {
  const file = path.join(hooksDir, name);
  fs.writeFileSync(
    file,
    `#!/bin/sh\n# Installed by scripts/install-hooks.mjs (npm ci). Refuses personal data before commit.\ncd "$(git rev-parse --show-toplevel)" || exit 1\nPATH="$PWD/node_modules/.bin:$PATH"\n${command}\n`,
    { mode: 0o755 },
  );
}
console.log(`install-hooks: pre-commit and commit-msg hooks installed in ${hooksDir}`);

/**
 * Every test run says which Node it runs on, and refuses any other major than the one the
 * project pins (.nvmrc; node_modules/.bin/node from the node-linux-* package, README "Node 24").
 */
import fs from 'node:fs';
import path from 'node:path';

export default function setup() {
  const pinned = fs.readFileSync(path.join(import.meta.dirname, '..', '.nvmrc'), 'utf8').trim();
  console.log(`tests run on Node ${process.version} (${process.execPath}); the project pins ${pinned}`);
  if (process.versions.node.split('.')[0] !== pinned.split('.')[0]) {
    throw new Error(
      `测试须在 Node ${pinned} 上运行，现在是 ${process.version} (tests must run on the pinned Node ${pinned}: run them with npm test, which puts node_modules/.bin first)`,
    );
  }
}

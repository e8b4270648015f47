/**
 * Why `git push` failed, told so that an official knows what to do next: fetch the newer commits,
 * check the network, or ask the administrator. Read from git's own messages (stable English
 * phrases in every git since 2.x; `LC_ALL=C` is set when publish runs git, so they are not translated).
 */
import { bi, type Bilingual } from '../core/errors';

export type PushFailure = 'behind' | 'refused' | 'auth' | 'address' | 'network' | 'other';

const PATTERNS: ReadonlyArray<[PushFailure, RegExp]> = [
  // Someone pushed first: git refuses to overwrite their commits.
  ['behind', /non-fast-forward|\(fetch first\)|Updates were rejected because/i],
  // The server's own rules (a protected branch, a pre-receive hook).
  ['refused', /\[remote rejected\]|pre-receive hook declined|protected branch/i],
  ['auth', /Authentication failed|Permission denied|could not read Username|terminal prompts disabled|returned error: 40[13]|Invalid username or password/i],
  // The remote's address is wrong or the repository is gone: only the administrator can set it.
  ['address', /does not appear to be a git repository|Repository not found|repository '[^']*' not found/i],
  [
    'network',
    /Could not resolve host|Connection (?:refused|timed out|reset)|Network is unreachable|Failed to connect|Operation timed out|Could not read from remote repository|unable to access|early EOF|the remote end hung up/i,
  ],
];

export function classifyPushFailure(stderr: string): PushFailure {
  return PATTERNS.find(([, re]) => re.test(stderr))?.[0] ?? 'other';
}

/** What the official is told for each failure (the commit itself is kept; the caller says so). */
export const PUSH_ADVICE: Readonly<Record<PushFailure, Bilingual>> = {
  behind: bi(
    '远程仓库里有别人刚推送的新提交，git 不会覆盖它们。请先运行 git pull 取回这些提交，再运行 npm run publish；git pull 提示有冲突（conflict）或看不懂提示时，请联系管理员。',
    'the remote has newer commits that git will not overwrite: run git pull, then npm run publish again; if git pull reports a conflict, ask the administrator',
  ),
  refused: bi(
    '远程仓库按它自己的规则拒绝了这次推送（例如这个分支受保护）。请联系管理员。',
    'the remote refused the push by its own rules (e.g. a protected branch): ask the administrator',
  ),
  auth: bi('远程仓库不接受你的账号、密码或密钥。请联系管理员。', 'the remote did not accept your account, password or key: ask the administrator'),
  address: bi(
    '找不到远程仓库：这个分支设置的远程仓库地址不对，或者那个仓库已经不在了。请联系管理员。',
    'the remote repository was not found (a wrong address, or it is gone): ask the administrator',
  ),
  network: bi(
    '连不上远程仓库：请检查网络，过一会儿再运行 npm run publish；一直连不上时，请联系管理员。',
    'the remote could not be reached: check the network and run npm run publish again later; ask the administrator if it persists',
  ),
  other: bi('推送没有成功，原因见上面 git 的提示。请联系管理员。', 'the push failed for the reason git printed above: ask the administrator'),
};

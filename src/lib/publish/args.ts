/** Command-line arguments of `npm run publish` (pure, so tests need not spawn). */
import { bi, type Bilingual } from '../core/errors';

export interface PublishArgs {
  /** From -m / --message; undefined when not given (publish then asks, or uses the default). */
  message?: string;
  /** False with --no-push: commit locally only. */
  push: boolean;
}

export const USAGE = `用法 (usage):
  npm run publish                   检查、提交并推送内容目录里的修改，提交说明在终端里询问
  npm run publish -- -m "提交说明"  用这句话作提交说明 (use this commit message)
  npm run publish -- --no-push      只提交到本机，不推送 (commit on this computer only)

  提交说明会显示在网站的修订记录里：不要写姓名、手机号、身份证号。
  (The message is shown on the website in the revision history: no names or phone numbers.)
  详见 docs/发布指南.md (see docs/发布指南.md)`;

export type ParsedPublishArgs = { help: true } | { help: false; args: PublishArgs } | { help: false; error: Bilingual };

/**
 * Reads the arguments after `--`. Written without it (`npm run publish -m "说明" --no-push`), npm
 * takes them as its own settings and passes them on only as npm_config_message (npm's `-m` is
 * its --message) and npm_config_push; they are honoured too, so a forgotten `--` never pushes
 * what was meant to stay local, nor drops the official's message.
 */
export function parsePublishArgs(argv: readonly string[], env: Record<string, string | undefined> = {}): ParsedPublishArgs {
  const args: PublishArgs = { message: env.npm_config_message, push: !(env.npm_config_push === '' || env.npm_config_push === 'false') };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--help' || a === '-h') return { help: true };
    const eq = /^(?:--message|-m)=([\s\S]*)$/.exec(a);
    if (eq) {
      args.message = eq[1];
    } else if (a === '-m' || a === '--message') {
      const v = argv[i + 1];
      if (v === undefined) return { help: false, error: bi(`${a} 后面缺少提交说明`, `${a} needs a message`) };
      args.message = v;
      i++;
    } else if (a === '--no-push') {
      args.push = false;
    } else {
      return {
        help: false,
        error: bi(
          `不认识的参数 ${a}${a.startsWith('-') ? '' : '：提交说明要写在 -m 后面，有空格时加引号'}`,
          `unknown argument ${a}${a.startsWith('-') ? '' : ': the message goes after -m, quoted if it has spaces'}`,
        ),
      };
    }
  }
  return { help: false, args };
}

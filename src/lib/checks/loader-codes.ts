/**
 * The codes reported while a content root is read and parsed (src/lib/content/: the loader only
 * loads and parses) and by the build environment's check (src/lib/checks/validate.ts). They have no
 * check of their own here; they are declared so that the registry lists every code the content
 * check can report (tests/unit/rules.test.ts reads the loader's source for any it misses).
 */
import { declareCodes, doc } from './rule';

const ENVIRONMENT = 'comes from the build environment, not from a content root (tests/unit/faults.test.ts, tests/unit/robust-input.test.ts)';
/** A fault fixture is overlaid on a whole town: it can add and replace files, never remove one. */
const REMOVES = 'needs a file removed, which an overlay cannot do; tests/unit/rules.test.ts removes it';

export const fileCodes = declareCodes('files', {
  'root/missing': doc(
    '内容目录存在',
    'the content directory exists',
    '检查 CONTENT_DIR 环境变量，或在项目根目录下运行',
    'check the CONTENT_DIR variable, or run from the project root',
    'a fault fixture is overlaid on an existing town, so its root always exists',
  ),
  'file/missing': doc(
    'site.json、units.json、villages.json 都存在',
    'site.json, units.json and villages.json exist',
    '按内容规范创建该文件（见 docs/内容规范.md）',
    'create it as the content contract says (docs/内容规范.md)',
    REMOVES,
  ),
  'file/too-large': doc(
    '每个文件不超过其种类的大小上限',
    'no file is over the size limit of its kind',
    '拆分成几个文件（如按月份或按村），或检查是否误放了别的文件',
    'split it into several files (by month or by village, say), or check that the right file was put here',
    'a file over the limit (megabytes) does not belong in the repository; tests/unit/robust-input.test.ts writes one',
  ),
  'file/not-utf8': doc('文本文件是 UTF-8 编码', 'text files are UTF-8', '用 UTF-8 编码另存该文件', 'save the file as UTF-8'),
  'file/nul-byte': doc(
    '文本文件中没有空字符（NUL）',
    'text files hold no NUL character',
    '删除该字符；二进制文件不能改名为文本文件',
    'delete it; a binary file cannot be renamed into a text file',
  ),
  'file/name-too-long': doc(
    '文件名不超过长度上限',
    'file names are within the length limit',
    '改用更短的文件名（网址中的拼音可以缩写）',
    'give it a shorter name (pinyin in a URL may be abbreviated)',
    'a name over the limit cannot be checked out on every file system; tests/unit/robust-input.test.ts writes one',
  ),
  'file/symlink': doc(
    '内容目录中只有普通文件和文件夹，没有符号链接',
    'a content root holds plain files and folders only, no symbolic links',
    '删除链接，把要发布的文件本身复制到这里',
    'delete the link and copy the file itself here',
    'fixtures are copied file by file; tests/unit/robust-input.test.ts makes a link',
  ),
  'file/unreadable': doc(
    '内容文件可以读取',
    'content files can be read',
    '检查文件权限',
    'check the file permissions',
    'needs a file the check may not read (permissions), which a fixture in git cannot keep',
  ),
  'json/syntax': doc('JSON 文件格式正确', 'JSON files are well formed', '按报告的行列改正 JSON 写法', 'correct the JSON where the report says'),
  'json/duplicate-key': doc('JSON 的同一对象中没有重复的字段', 'no key appears twice in one JSON object', '删除重复的一处', 'delete one of the two'),
  'frontmatter/missing': doc(
    'Markdown 文件以 --- 包围的元数据开头',
    'Markdown files start with a --- fenced frontmatter',
    '在文件开头加上元数据',
    'add the frontmatter at the top of the file',
  ),
  'frontmatter/syntax': doc('元数据（YAML）格式正确', 'the frontmatter is valid YAML', '按报告的行改正 YAML 写法', 'correct the YAML where the report says'),
  'frontmatter/alias': doc(
    '元数据中不用 YAML 锚点和别名',
    'the frontmatter uses no YAML anchors or aliases',
    '把别名处直接写出内容',
    'write the value out instead of the alias',
  ),
  'geo/shape': doc(
    '边界文件是含有 villages 对象的 TopoJSON',
    'the shapes file is a TopoJSON Topology with a "villages" object',
    '导出 TopoJSON 时把对象命名为 villages，每个要素的 properties.code 填区划代码',
    'export TopoJSON with an object named "villages" whose features carry properties.code',
    'a broken shapes file also leaves every village without a shape (geo/no-shape), so no fixture shows it alone; tests/unit/rules.test.ts',
  ),
  'plan/file-name': doc(
    '方案文件名能用作网址',
    'a plan file name can be used in a URL',
    '文件名只用小写拼音、数字和连字符，如 shehui-zhili-2026.mdx',
    'name the file with lower-case pinyin, digits and dashes, e.g. shehui-zhili-2026.mdx',
  ),
  'plan/duplicate-slug': doc('两个方案不共用一个网址', 'no two plans share a URL', '删除其中一个文件，或改名', 'delete or rename one of the two files'),
  'disclosure/misplaced': doc(
    '村务公开文件放在以村（社区）代码命名的文件夹中',
    'disclosure files are in a folder named by a village code',
    '移到 disclosures/<12位区划代码>/ 下',
    'move it into disclosures/<12-digit code>/',
  ),
  'disclosure/file-name': doc(
    '村务公开文件按规则命名：<期间>-finance|affairs|party.json 或 <期间>-notice-<名称>.mdx',
    'disclosure files are named <period>-finance|affairs|party.json or <period>-notice-<slug>.mdx',
    '按命名规则改文件名',
    'rename the file as the naming rule says',
  ),
  'dataset/file-name': doc(
    'data/ 目录中只有数据集 JSON 文件',
    'data/ holds only dataset JSON files',
    '移走其他文件，或改为 .json',
    'move other files out, or make it .json',
  ),
  'legal/file-name': doc(
    '普法文章文件名能用作网址',
    'a legal article file name can be used in a URL',
    '文件名只用小写拼音、数字和连字符',
    'name the file with lower-case pinyin, digits and dashes',
  ),
  'legal/duplicate-slug': doc(
    '两篇普法文章不共用一个网址',
    'no two legal articles share a URL',
    '删除其中一个文件，或改名',
    'delete or rename one of the two files',
  ),
});

/** Zod issues, as src/lib/schemas/messages.ts names them (`schema/<issue>`). */
export const schemaCodes = declareCodes('schemas', {
  'schema/invalid_type': doc(
    '必填字段都已填写，且类型正确',
    'required fields are present and of the right type',
    '按内容规范填写该字段',
    'fill in the field as the content contract says',
  ),
  'schema/invalid_string': doc(
    '字段符合规定格式（如发文字号 GB/T 9704-2012、日期 YYYY-MM-DD）',
    'fields are in their set form (e.g. document numbers per GB/T 9704-2012, dates as YYYY-MM-DD)',
    '按报告所示的格式改写',
    'rewrite it in the form the report shows',
  ),
  'schema/invalid_enum_value': doc(
    '字段取值在允许的范围内',
    'fields take one of their allowed values',
    '改用报告列出的取值之一',
    'use one of the values the report lists',
  ),
  'schema/invalid_literal': doc('固定取值的字段写对了值', 'fields with one allowed value have it', '改为报告所示的值', 'write the value the report shows'),
  'schema/custom': doc(
    '字段符合内容规范中的规则（如有效日期、两位小数的金额）',
    'fields follow the rules of the content contract (real dates, money with two decimals …)',
    '按报告所示改正',
    'correct it as the report says',
  ),
  'schema/too_small': doc(
    '文字不为空，列表不少于规定的项数，数字不小于下限',
    'texts are not empty, lists long enough, numbers not below their minimum',
    '补足内容',
    'fill it in',
  ),
  'schema/too_big': doc('文字、列表和数字不超过上限', 'texts, lists and numbers are within their maximum', '缩短或减少', 'shorten or reduce it'),
  'schema/unrecognized_keys': doc(
    '只写内容规范中定义的字段',
    'only the fields the content contract defines',
    '删除多余的字段，或检查拼写',
    'delete the field, or check its spelling',
  ),
  'schema/invalid_union': doc(
    '字段符合允许的几种写法之一',
    'fields take one of their allowed forms',
    '按内容规范改写',
    'rewrite it as the content contract says',
  ),
});

export const environmentCodes = declareCodes('environment', {
  'env/site-today': doc(
    'SITE_TODAY 是有效日期',
    'SITE_TODAY is a real date',
    '写成 YYYY-MM-DD，或不设置（默认用北京时间的今天）',
    'use YYYY-MM-DD, or unset it to use today in Asia/Shanghai',
    ENVIRONMENT,
  ),
  'env/base-path': doc(
    'BASE_PATH 是普通的网址路径',
    'BASE_PATH is a plain URL path',
    '写成 /子路径/ 的形式，或不设置',
    'write it as /sub/path/, or unset it',
    ENVIRONMENT,
  ),
});

/** Warnings: printed after the report, the check still passes (src/lib/checks/warnings.ts). */
export const warningCodes = declareCodes('warnings', {
  'site/no-site-url': doc(
    '（提醒）设置了网站地址，打印页和海报才有二维码',
    '(warning) a site URL is set, so printed sheets and posters carry a QR code',
    '在 site.json 里写上网站的完整地址，例如 "siteUrl": "https://qiwu.example.cn"',
    'add the full address to site.json, e.g. "siteUrl": "https://qiwu.example.cn"',
    'a warning, not a problem: a fault fixture must fail the check, this one passes it (tests/build/print.test.ts)',
  ),
});

/**
 * A Chinese reason for a refusal that was raised without one, so the zh-CN interface can
 * show a whole Chinese sentence rather than a Chinese label over English words. Pure.
 * Covers the generic refusals every domain shares (not found, not allowed, a schema
 * check on a field); a domain that words its own refusal passes `details.reasonZh` itself,
 * which always wins. Unknown wording gives undefined (the web then keeps the label form).
 */

/** The things `notFound(what)` names, in Chinese. */
const NOUNS: Record<string, string> = {
  attempt: '作答记录', person: '人员', exam: '考试', paper: '试卷', contest: '赛事', registration: '报名',
  question: '试题', 'published results': '已发布的成绩', panel: '评委组', 'mock exam': '模拟考试', import: '导入任务',
  venue: '赛场', upload: '上传文件', snapshot: '抓拍照片', screen: '大屏', rubric: '评分细则', 'role grant': '角色授权',
  response: '作答', 'paper set': '试卷组', 'open quiz with that code': '该邀请码对应的进行中的答题', 'mock attempt': '模拟考试记录',
  'live round': '现场比赛轮次', level: '关卡', 'knowledge point': '知识点', invitation: '邀请码', blueprint: '组卷蓝图',
  bank: '题库', 'award for this entry': '该报名的奖项', attachment: '附件', appeal: '申诉', organisation: '组织', stage: '阶段',
  round: '轮次', entry: '报名', team: '队伍', track: '赛道', award: '奖项', certificate: '证书', session: '会话', file: '文件',
};

/** Field names that recur across the API, in Chinese; other fields are quoted as they are. */
const FIELDS: Record<string, string> = {
  title: '标题', name: '名称', password: '密码', newPassword: '新密码', employeeNo: '工号', organisationId: '组织',
  parentId: '上级组织', phone: '手机号', gender: '性别', tracks: '赛道', roles: '角色', stem: '题干', options: '选项',
  answer: '答案', score: '分值', weights: '权重', weight: '权重', opensAt: '开放时间', closesAt: '截止时间',
  durationMinutes: '时长（分钟）', attemptsAllowed: '允许作答次数', file: '文件', format: '格式', code: '邀请码',
  teamSize: '队伍人数', quota: '名额', quotas: '名额', stake: '押注分值', reason: '理由', description: '说明', body: '请求内容',
  query: '查询参数', params: '路径参数', id: '编号',
};

const fieldZh = (field: string) => {
  const last = field.split('.').filter((p) => !/^\d+$/.test(p)).pop() ?? field;
  return FIELDS[last] ? `${FIELDS[last]}（${field}）` : `「${field}」`;
};

const TYPES: Record<string, string> = { string: '文本', number: '数字', boolean: '是/否', array: '列表', object: '对象', integer: '整数', date: '日期' };

/** One schema message (zod's wording) in Chinese, or undefined when it is not one we know. */
export function schemaMessageZh(message: string): string | undefined {
  let m = /^Invalid input: expected (\w+), received undefined$/.exec(message);
  if (m) return '必填';
  m = /^Invalid input: expected (\w+), received (\w+)$/.exec(message);
  if (m) return `应为${TYPES[m[1]] ?? m[1]}`;
  m = /^Too small: expected string to have >=1 characters$/.exec(message);
  if (m) return '不能为空';
  m = /^Too small: expected (string|array) to have >=(\d+) (characters|items)$/.exec(message);
  if (m) return m[1] === 'string' ? `至少 ${m[2]} 个字符` : `至少 ${m[2]} 项`;
  m = /^Too big: expected (string|array) to have <=(\d+) (characters|items)$/.exec(message);
  if (m) return m[1] === 'string' ? `最多 ${m[2]} 个字符` : `最多 ${m[2]} 项`;
  m = /^Too small: expected number to be >(=?)(-?[\d.]+)$/.exec(message);
  if (m) return m[1] ? `不能小于 ${m[2]}` : `应大于 ${m[2]}`;
  m = /^Too big: expected number to be <(=?)(-?[\d.]+)$/.exec(message);
  if (m) return m[1] ? `不能大于 ${m[2]}` : `应小于 ${m[2]}`;
  m = /^Invalid option: expected one of (.+)$/.exec(message);
  if (m) return `取值应为 ${m[1].replace(/"/g, '').split('|').join('、')} 之一`;
  if (/^Invalid ISO datetime$/.test(message)) return '应为 ISO 格式的日期时间';
  if (/^Invalid string: must match pattern/.test(message)) return '格式不正确';
  if (/^Invalid input$/.test(message)) return '格式不正确';
  if (/^Unrecognized key/.test(message)) return '含有不认识的字段';
  return undefined;
}

export type Refusal = { code: string; message: string; field?: string };

/** The Chinese reason for a refusal, when its wording is one of the generic ones. */
export function reasonZh(r: Refusal): string | undefined {
  if (r.code === 'NOT_FOUND') {
    const m = /^(.+) not found$/.exec(r.message);
    if (m) return NOUNS[m[1]] ? `未找到${NOUNS[m[1]]}` : undefined;
  }
  if (r.code === 'FORBIDDEN' && r.message === 'Not allowed') return '无权执行此操作';
  if (r.code === 'UNAUTHENTICATED' && /sign in/i.test(r.message)) return '请先登录';
  if (r.code === 'VALIDATION' && r.field) {
    // the schema layer words messages as "body.path: message"; domain checks as free text
    const schemaMessage = r.message.replace(/^(body|query|params|querystring)(\.[\w.]+)?: /, '');
    const zh = schemaMessageZh(schemaMessage);
    if (zh) return `${fieldZh(r.field)}：${zh}`;
  }
  if (r.code === 'BAD_REQUEST' && /JSON/i.test(r.message)) return '请求内容不是有效的 JSON';
  if (r.code === 'PAYLOAD_TOO_LARGE' && /^Request body is too large/.test(r.message)) return '请求内容超过大小限制';
  return undefined;
}

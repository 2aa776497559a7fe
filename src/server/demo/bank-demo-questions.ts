import type { Difficulty, Question, QuestionType } from '../bank/engine/model.ts';

/**
 * Synthetic telecom customer-service questions for the demo banks. Each fact is asked in
 * several service settings (热线, 在线, 智能客服, 质差回访 …); the setting decides the track,
 * and shifts the difficulty, so the bank has every type, level and track.
 */
type Choice = [kp: string, diff: number, stem: string, right: string[], wrong: string[], explanation: string];
type Judge = [kp: string, diff: number, statement: string, value: boolean, explanation: string];
type Fill = [kp: string, diff: number, stem: string, blanks: string[][]];
type Open = [kp: string, diff: number, stem: string, reference: string];

const SETTINGS: { prefix: string; track: string; shift: number }[] = [
  { prefix: '10000 号热线来电中，', track: '语音客服', shift: 0 },
  { prefix: '在线客服（IM）会话中，', track: '互联网融合客服', shift: 1 },
  { prefix: '智能客服机器人转人工后，', track: '智能客服', shift: 2 },
  { prefix: '质差回访电话中，', track: '质差修复客服', shift: 3 },
  { prefix: '视频营业厅远程受理时，', track: '互联网融合客服', shift: 4 },
  { prefix: '夜间值班受理时，', track: '语音客服', shift: 1 },
];

const SINGLE: Choice[] = [
  ['宽带/故障/光猫', 2, '用户反映光猫 LOS 指示灯红色闪烁，最可能的原因是？', ['光纤信号中断'], ['路由器未开机', '账号欠费停机', 'WiFi 密码错误'], 'LOS 灯红表示光信号丢失，需检查光路或派单上门。'],
  ['宽带/故障/光猫', 3, '光猫 PON 灯熄灭、LOS 灯不亮，应首先建议用户？', ['检查光纤尾纤是否松动或弯折'], ['立即更换光猫', '修改 WiFi 名称', '办理宽带提速'], 'PON 灯灭说明未注册，先排查尾纤。'],
  ['宽带/故障/网速', 2, '用户反映宽带网速慢，客服首先应引导用户？', ['用网线直连电脑测速'], ['直接派单更换光猫', '建议升级千兆宽带', '告知是运营商网络问题'], '先区分是无线覆盖问题还是线路问题。'],
  ['宽带/业务/装移机', 3, '宽带移机受理时，必须向用户确认的是？', ['新地址是否具备光纤覆盖'], ['用户的职业', '用户家中电脑品牌', '用户的 WiFi 密码'], '无覆盖地址无法移机，应先查资源。'],
  ['5G套餐/资费', 2, '用户咨询 5G 套餐降档，一般在什么时候生效？', ['次月 1 日'], ['立即生效', '次日零点', '三个月后'], '套餐变更通常次月生效，需提前告知。'],
  ['5G套餐/资费', 3, '用户当月流量超出套餐后，客服应优先推荐？', ['与用量匹配的流量包或套餐'], ['直接办理最高档套餐', '建议停机', '建议用户少用手机'], '推荐应与用户实际需求匹配。'],
  ['5G套餐/终端', 2, '用户手机不显示 5G 信号，最先排查的是？', ['终端是否支持 5G 且已开启 5G 开关'], ['账户余额是否充足', '是否开通国际漫游', '是否办理了副卡'], '终端与开关是 5G 无信号最常见原因。'],
  ['携号转网/条件', 3, '下列哪种情况不能办理携号转网？', ['号码处于欠费停机状态'], ['号码已实名登记', '号码在网满 120 天', '号码无合约限制'], '欠费号码须先结清。'],
  ['携号转网/流程', 2, '办理携号转网的第一步通常是？', ['发送短信查询携转资格'], ['直接去新运营商营业厅', '注销原号码', '更换新手机'], '先查资格、再申请授权码。'],
  ['国际漫游/开通', 2, '用户出境前咨询国际漫游，客服应提醒？', ['确认已开通国际漫游并了解当地资费'], ['出境后再开通即可', '国际漫游免费', '只需更换 SIM 卡'], '出境前开通并告知资费，避免话费争议。'],
  ['国际漫游/资费', 4, '国际漫游中，用户境外接听来电时？', ['通常按漫游资费收取接听费'], ['完全免费', '由主叫方承担全部费用', '只收短信费'], '境外接听一般收费，应事前告知。'],
  ['话费争议/核查', 3, '用户对账单中增值业务扣费有异议，客服首先应？', ['查询订购记录与订购渠道'], ['直接全额退费', '告知无法处理', '让用户自行联系 SP'], '先核实订购事实，再按规则处理。'],
  ['话费争议/退费', 4, '经核实为误订购的增值业务，正确处理是？', ['退订业务并按规定退还费用'], ['只退订不退费', '只退费不退订', '建议用户换号'], '误订购应退订并退费，并做好解释。'],
  ['投诉处理/首问负责', 2, '首问负责制要求第一位受理的客服？', ['受理并跟踪到问题解决'], ['转给其他部门即可结束', '告知用户自行联系', '请用户稍后再拨'], '首问负责，闭环管理。'],
  ['投诉处理/升级投诉', 4, '用户明确表示要向工信部投诉时，客服应？', ['安抚情绪并按升级流程优先处理'], ['告知投诉无用', '立即挂机', '承诺任何补偿'], '越级投诉风险高，应升级处理。'],
  ['服务规范/用语', 1, '以下哪句是规范的服务开头语？', ['您好，很高兴为您服务'], ['喂，什么事', '说吧', '快点讲'], '开头语应礼貌、完整。'],
  ['服务规范/用语', 1, '以下哪句属于服务禁语？', ['这不归我们管'], ['请您稍等，我马上为您查询', '感谢您的耐心等待', '还有什么可以帮您'], '推诿用语属于禁语。'],
  ['服务规范/礼仪', 2, '需要用户等待查询时，合适的做法是？', ['告知大约等待时间并致谢'], ['直接静音', '挂断后回拨', '让用户自己查'], '等待前告知，回来后致谢。'],
  ['智能客服/知识库', 3, '智能客服答非所问时，运营人员最应先优化的是？', ['相似问法与意图识别语料'], ['机器人头像', '对话框颜色', '欢迎语字体'], '意图识别决定回答准确性。'],
  ['质差修复/信号', 3, '用户反映室内信号弱、室外正常，最可能的原因是？', ['室内覆盖不足（建筑遮挡）'], ['账号欠费', '套餐档次过低', '手机内存不足'], '室内弱覆盖是常见质差原因。'],
];

const MULTIPLE: Choice[] = [
  ['携号转网/条件', 3, '办理携号转网需满足的条件包括？', ['号码已实名登记', '无欠费', '无合约或合约已到期'], ['已开通国际漫游'], '三项条件缺一不可。'],
  ['宽带/故障/网速', 3, '引导用户排查宽带网速慢，可以采用的方法有？', ['重启光猫和路由器', '网线直连电脑测速', '检查是否多设备同时下载'], ['直接更换套餐'], '先自助排查，再派单。'],
  ['投诉处理/话费争议', 4, '处理话费争议投诉时，正确的做法有？', ['先安抚用户情绪', '核实账单明细', '按规定解释或退费'], ['先要求用户道歉', '拒绝调阅记录'], '共情、核实、处理、回访。'],
  ['服务规范/礼仪', 2, '下列属于服务规范要求的有？', ['使用普通话和文明用语', '不随意打断用户', '结束前确认问题已解决'], ['用户未挂机先挂机'], '通话由用户先挂断。'],
  ['国际漫游/开通', 3, '用户出境前，客服可以提醒的事项有？', ['确认国际漫游已开通', '介绍目的地流量包', '告知紧急求助电话'], ['建议携带 SIM 卡针出境'], '出境前提醒要全面。'],
  ['5G套餐/资费', 3, '向用户推荐 5G 套餐前，应了解的信息有？', ['月均流量', '月均通话时长', '终端是否支持 5G'], ['用户的工作单位'], '按需推荐，避免过度营销。'],
  ['质差修复/信号', 4, '质差回访时需要记录的信息有？', ['问题地址', '问题时段', '终端型号'], ['用户的收入情况'], '完整信息有助网络优化定位。'],
  ['智能客服/运营', 3, '提升智能客服解决率的措施有？', ['补充高频问题答案', '优化转人工规则', '分析未命中问句'], ['关闭转人工入口'], '转人工是兜底，不能关闭。'],
];

const JUDGE: Judge[] = [
  ['国际漫游/资费', 2, '国际漫游开通后，用户在境外接听电话不收费。', false, '境外接听通常按漫游资费收费。'],
  ['携号转网/流程', 2, '携号转网后，用户原号码不变。', true, '携号转网即号码不变更换运营商。'],
  ['携号转网/条件', 3, '携号转网后，用户原有合约优惠自动迁移到新运营商。', false, '合约需在原运营商处理完毕。'],
  ['宽带/故障/光猫', 1, '光猫的默认管理地址通常印在设备背面的标签上。', true, '设备标签标有管理地址与账号。'],
  ['服务规范/用语', 1, '客服可以在用户未挂机前先行挂断电话。', false, '应待用户先挂机。'],
  ['投诉处理/首问负责', 2, '首问负责人可以把用户问题转交其他部门后不再跟踪。', false, '首问负责要求跟踪闭环。'],
  ['5G套餐/终端', 2, '手机开启 5G 开关但终端不支持 5G 时，也无法使用 5G 网络。', true, '终端支持是前提。'],
  ['话费争议/退费', 3, '核实为误订购的增值业务，应退订并按规定退费。', true, '误订购须退订退费。'],
  ['智能客服/知识库', 3, '智能客服知识库建成后无需持续维护。', false, '知识需随业务变化持续更新。'],
  ['质差修复/信号', 3, '室内弱覆盖可以通过建议用户靠近窗口临时改善。', true, '靠窗可改善信号，但仍需网络优化。'],
];

const FILL: Fill[] = [
  ['宽带/基础', 1, '光纤到户的英文缩写是 _____。', [['FTTH', 'ftth']]],
  ['宽带/故障/光猫', 2, '光猫面板上表示光信号丢失的指示灯是 _____ 灯，表示注册状态的是 _____ 灯。', [['LOS'], ['PON']]],
  ['服务规范/用语', 1, '电信客服热线号码是 _____。', [['10000']]],
  ['携号转网/流程', 3, '查询携号转网资格时，一般向原运营商发送短信 _____ 。', [['CXXZ#姓名#证件号码', 'CXXZ']]],
  ['5G套餐/资费', 2, '套餐降档一般于 _____ 生效。', [['次月', '下月', '次月1日']]],
  ['投诉处理/首问负责', 2, '首问负责制的核心是“谁 _____，谁负责”。', [['首问', '受理']]],
];

const SHORT: Open[] = [
  ['投诉处理/话费争议', 4, '简述处理话费争议投诉的基本步骤。', '安抚情绪；核实账单与订购记录；依规解释或退费；记录并回访。'],
  ['宽带/故障/网速', 3, '简述引导用户自助排查宽带网速慢的方法。', '重启设备；网线直连测速；排除多设备占用；检查 WiFi 信道与覆盖。'],
  ['携号转网/流程', 3, '简述携号转网的办理流程。', '查询资格；获取授权码；到新运营商办理；原号码业务处理；携入生效。'],
  ['服务规范/礼仪', 2, '简述电话服务中等待用户时的规范做法。', '告知原因和时长；期间每 30 秒回应；回来后致谢。'],
];

const CASE: Open[] = [
  ['投诉处理/升级投诉', 5, '案例：用户因 5G 套餐降档被拒，三次来电未果后扬言向工信部投诉。请分析服务中存在的问题并提出改进措施。', '问题：未首问负责、解释不清、无闭环。措施：核实规则、给出可行方案、升级处理、限时回访。'],
  ['投诉处理/话费争议', 4, '案例：老年用户账单出现不明增值业务扣费 3 个月，子女来电情绪激动。请给出处理思路。', '共情安抚；调取订购记录；确认误订购则退订退费；开通增值业务防护；回访。'],
  ['质差修复/信号', 5, '案例：某小区多名用户反映晚高峰网速慢，装维上门未发现故障。请分析可能原因并提出协同处理方案。', '可能为 PON 口拥塞或上联带宽不足；收集时段地址；提交网络优化；跟踪扩容并回访。'],
];

const SCENARIO: Open[] = [
  ['投诉处理/升级投诉', 5, '情景模拟：用户来电称宽带一周内断线三次，情绪激动要求赔偿。请现场应答（听录音后作答）。', '共情致歉；确认故障与时间；加急派单；说明补偿政策；约定回访。'],
  ['宽带/故障/光猫', 4, '情景模拟：结合图片中的光猫面板状态，指导用户完成故障自查。', '识别 LOS 红灯；检查尾纤；重启；仍异常派单。'],
  ['国际漫游/资费', 4, '情景模拟：用户在境外产生高额流量费，视频营业厅来电要求减免。请现场应答。', '核实用量；解释资费；按政策申请部分减免；推荐境外流量包。'],
];

const cleanChoice = (right: string[], wrong: string[], rotate: number) => {
  const all = [...right, ...wrong];
  const r = rotate % all.length;
  const ordered = [...all.slice(r), ...all.slice(0, r)];
  return {
    options: ordered.map((text, i) => ({ key: String.fromCharCode(65 + i), text })),
    keys: ordered.map((t, i) => (right.includes(t) ? String.fromCharCode(65 + i) : '')).filter(Boolean),
  };
};

const level = (d: number, shift: number): Difficulty => (((d - 1 + Math.floor(shift / 2)) % 5) + 1) as Difficulty;

function q(type: QuestionType, stem: string, patch: Partial<Question>): Question {
  return { type, stem, options: [], answer: { kind: 'text', reference: '' }, attachments: [], track: null, knowledgePoints: [], difficulty: 3, score: 1, explanation: '', source: '服务之星演示题库', status: 'active', externalKey: null, ...patch };
}

/** The group bank's questions: every fact in every setting (a few hundred). `settings` limits the settings used. */
export function demoQuestions(settings = SETTINGS.length, prefix = ''): Question[] {
  const out: Question[] = [];
  SETTINGS.slice(0, settings).forEach((s, j) => {
    const p = `${prefix}${s.prefix}`;
    for (const [kp, d, stem, right, wrong, explanation] of SINGLE) {
      const c = cleanChoice(right, wrong, j);
      out.push(q('single', p + stem, { options: c.options, answer: { kind: 'choice', keys: c.keys }, track: s.track, knowledgePoints: [kp], difficulty: level(d, s.shift), score: 1, explanation }));
    }
    for (const [kp, d, stem, right, wrong, explanation] of MULTIPLE) {
      const c = cleanChoice(right, wrong, j);
      out.push(q('multiple', p + stem, { options: c.options, answer: { kind: 'choice', keys: c.keys }, track: s.track, knowledgePoints: [kp], difficulty: level(d, s.shift), score: 2, explanation }));
    }
    for (const [kp, d, statement, value, explanation] of JUDGE) {
      out.push(q('truefalse', p + statement, { answer: { kind: 'truefalse', value }, track: s.track, knowledgePoints: [kp], difficulty: level(d, s.shift), score: 1, explanation }));
    }
    if (j % 2 === 0) {
      for (const [kp, d, stem, blanks] of FILL) out.push(q('fill', p + stem, { answer: { kind: 'fill', blanks }, track: s.track, knowledgePoints: [kp], difficulty: level(d, s.shift), score: 2 }));
      for (const [kp, d, stem, reference] of SHORT) out.push(q('short', p + stem, { answer: { kind: 'text', reference }, track: s.track, knowledgePoints: [kp], difficulty: level(d, s.shift), score: 5 }));
    }
    if (j < 3) {
      for (const [kp, d, stem, reference] of CASE) out.push(q('case', p + stem, { answer: { kind: 'text', reference }, track: s.track, knowledgePoints: [kp], difficulty: level(d, s.shift), score: 10 }));
      SCENARIO.forEach(([kp, d, stem, reference], k) => {
        const attachments = k === 1 ? [{ kind: 'image' as const, name: '光猫面板-LOS红灯.png' }] : [{ kind: 'audio' as const, name: `情景录音-${k + 1}.mp3` }];
        out.push(q('scenario', p + stem, { answer: { kind: 'text', reference }, attachments, track: s.track, knowledgePoints: [kp], difficulty: level(d, s.shift), score: 10 }));
      });
    }
  });
  return out;
}

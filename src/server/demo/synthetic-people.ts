import { pick, seededRandom } from '../lib/random.ts';

/** Synthetic names and numbers: the people in the reference documents are real, ours are not. */
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史黎贺顾毛郝龚邵万钱覃武戴孔汤庞樊兰殷施陶洪翟安颜倪严牛温芦季俞章鲁葛伍申尤毕聂柴焦向柳邢岳齐梅莫庄辛管祝左涂谷祁时舒耿牟卜路詹关苗凌费纪靳盛童欧甄项曲成游阳裴席卫查屈鲍位覃霍翁隋植甘景薄单包司柏宁柯阮桂闵欧阳解强丛华车冉房边辜吉饶刁瞿戚丘古米池滕晋苑邬臧畅宫来嵺苟全褚廉简娄盖符奚木穆党燕郎邸冀谈姬屠连郜晏栾郁商蒙计喻揭窦迟宇敖糜鄢冷卓花艾蓝都巩稽井练仲乐虞卞封竺冼原官衣楚佟栗匡宗应台巫鞠僧桑荆谌银扬明沙薄伏岑习胥保和蔺'.split('');
const GIVEN_F = '婷雪静丽芳娜敏燕霞玲颖琳洁倩晓欣悦雯怡嘉佳琪慧蕾薇瑶璐岚莉萍茜楠梦雨晴月婕妍菲宁'.split('');
const GIVEN_M = '伟强磊军勇杰涛斌超鹏浩宇航明辉刚健峰波毅晨阳俊凯翔龙飞亮旭东平博'.split('');

export type SyntheticPerson = { name: string; gender: 'M' | 'F'; phone: string };

export function syntheticPeople(count: number, seed: number, womenShare = 0.8): SyntheticPerson[] {
  const rand = seededRandom(seed);
  const phones = new Set<string>();
  const out: SyntheticPerson[] = [];
  for (let i = 0; i < count; i++) {
    const gender = rand() < womenShare ? 'F' : 'M';
    const given = gender === 'F' ? GIVEN_F : GIVEN_M;
    const name = pick(rand, SURNAMES) + pick(rand, given) + (rand() < 0.6 ? pick(rand, given) : '');
    let phone: string;
    do phone = pick(rand, ['139', '138', '135', '136', '150', '187', '177', '199']) + String(Math.floor(rand() * 1e8)).padStart(8, '0');
    while (phones.has(phone));
    phones.add(phone);
    out.push({ name, gender, phone });
  }
  return out;
}

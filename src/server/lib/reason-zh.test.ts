import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { reasonZh, schemaMessageZh } from './reason-zh.ts';

describe('reasonZh', () => {
  it('words the generic refusals in Chinese', () => {
    expect(reasonZh({ code: 'NOT_FOUND', message: 'exam not found' })).toBe('未找到考试');
    expect(reasonZh({ code: 'NOT_FOUND', message: 'paper set not found' })).toBe('未找到试卷组');
    expect(reasonZh({ code: 'FORBIDDEN', message: 'Not allowed' })).toBe('无权执行此操作');
    expect(reasonZh({ code: 'UNAUTHENTICATED', message: 'sign in first' })).toBe('请先登录');
  });

  it('names the field of a schema refusal, in Chinese where the field is a known one', () => {
    expect(reasonZh({ code: 'VALIDATION', message: 'body.title: Too small: expected string to have >=1 characters', field: 'title' })).toBe('标题（title）：不能为空');
    expect(reasonZh({ code: 'VALIDATION', message: 'body.stages.0.weight: Too big: expected number to be <=100', field: 'stages.0.weight' })).toBe('权重（stages.0.weight）：不能大于 100');
    expect(reasonZh({ code: 'VALIDATION', message: 'querystring.sort: Invalid option: expected one of "asc"|"desc"', field: 'sort' })).toBe('「sort」：取值应为 asc、desc 之一');
  });

  it('leaves wording it does not know alone (the web then keeps the English words under a Chinese label)', () => {
    expect(reasonZh({ code: 'NOT_FOUND', message: 'the moon not found' })).toBeUndefined();
    expect(reasonZh({ code: 'CONFLICT', message: 'the exam has started' })).toBeUndefined();
    expect(reasonZh({ code: 'VALIDATION', message: 'weights must sum to 100 %', field: 'weights' })).toBeUndefined();
    expect(reasonZh({ code: 'FORBIDDEN', message: 'only the captain may change the team' })).toBeUndefined();
  });

  it("translates the messages zod actually produces", () => {
    const cases: [z.ZodType, unknown, string][] = [
      [z.object({ a: z.string() }), {}, '必填'],
      [z.object({ a: z.string().min(1) }), { a: '' }, '不能为空'],
      [z.object({ a: z.string().min(3) }), { a: 'x' }, '至少 3 个字符'],
      [z.object({ a: z.string().max(3) }), { a: 'abcdef' }, '最多 3 个字符'],
      [z.object({ a: z.number().int().min(1) }), { a: 0 }, '不能小于 1'],
      [z.object({ a: z.number().max(5) }), { a: 9 }, '不能大于 5'],
      [z.object({ a: z.number() }), { a: '1' }, '应为数字'],
      [z.object({ a: z.enum(['x', 'y']) }), { a: 'q' }, '取值应为 x、y 之一'],
      [z.object({ a: z.array(z.number()).min(2) }), { a: [1] }, '至少 2 项'],
      [z.object({ a: z.iso.datetime() }), { a: 'x' }, '应为 ISO 格式的日期时间'],
    ];
    for (const [schema, value, zh] of cases) {
      const r = schema.safeParse(value);
      expect(r.success).toBe(false);
      expect(schemaMessageZh(r.error!.issues[0].message)).toBe(zh);
    }
  });
});

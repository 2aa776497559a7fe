import { describe, expect, it } from 'vitest';
import { detectQuestionFormat } from './detect-format.ts';

const b = (s: string) => new TextEncoder().encode(s);

describe('detectQuestionFormat', () => {
  it('knows each format by content when the name says nothing', () => {
    expect(detectQuestionFormat(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0]), 'upload')).toBe('xlsx');
    expect(detectQuestionFormat(b('\uFEFF<?xml version="1.0"?><quiz></quiz>'), 'x.txt')).toBe('moodle');
    expect(detectQuestionFormat(b('题型,题干,选项A,答案\n单选,问,甲,A'), 'x.txt')).toBe('csv');
    expect(detectQuestionFormat(b('光猫是什么？\nA. 设备\nB. 动物\nANSWER: A\n'), 'q.txt')).toBe('aiken');
    expect(detectQuestionFormat(b('::T:: 光猫 {=设备 ~动物}'), 'q.txt')).toBe('gift');
  });
  it('trusts a telling extension and gives up on plain prose', () => {
    expect(detectQuestionFormat(b('anything'), 'bank.csv')).toBe('csv');
    expect(detectQuestionFormat(b('anything'), 'bank.gift')).toBe('gift');
    expect(detectQuestionFormat(b('just some words'), 'notes.txt')).toBeNull();
  });
});

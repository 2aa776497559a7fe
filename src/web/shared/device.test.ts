import { describe, expect, it } from 'vitest';
import { deviceLine, summariseDevice } from './device.ts';

describe('a proctor’s device summary', () => {
  it.each([
    ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36', 'Headless Chrome 156 · Linux', false],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.91', 'Edge 120 · Windows 10/11', false],
    ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.44(0x18002c2b) NetType/WIFI Language/zh_CN', '微信 8.0 · iOS 17.1', true],
    ['Mozilla/5.0 (Linux; Android 14; V2307A) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/116.0.0.0 Mobile Safari/537.36 DingTalk/7.5.0', '钉钉 7.5 · Android 14', true],
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Safari/605.1.15', 'Safari 17.2 · macOS', false],
    ['Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1', 'Safari 16.6 · iPadOS 16.6', false],
    ['Mozilla/5.0 (Windows NT 6.1; rv:109.0) Gecko/20100101 Firefox/115.0', 'Firefox 115 · Windows 7', false],
  ])('%s', (ua, line, mobile) => {
    expect(deviceLine(ua)).toBe(line);
    expect(summariseDevice(ua)!.mobile).toBe(mobile);
  });

  it('keeps what it cannot read, and says nothing for no string', () => {
    expect(deviceLine('exam-storm')).toBe('exam-storm');
    expect(deviceLine(null)).toBe('');
    expect(summariseDevice('')).toBeNull();
  });
});

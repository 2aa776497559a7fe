/**
 * What a proctor needs of a browser's user-agent string at a glance: the browser and its major
 * version, the operating system, and whether it is a phone (the full string stays available on
 * hover). The in-app browsers of WeChat and DingTalk, where staff often open exam links, are
 * named as such.
 */
export type DeviceSummary = { browser: string; os: string; mobile: boolean };

const BROWSERS: [RegExp, string][] = [
  [/MicroMessenger\/(\d+(?:\.\d+)?)/, '微信'],
  [/DingTalk\/(\d+(?:\.\d+)?)/, '钉钉'],
  [/Edg(?:e|A|iOS)?\/(\d+)/, 'Edge'],
  [/OPR\/(\d+)/, 'Opera'],
  [/(?:Firefox|FxiOS)\/(\d+)/, 'Firefox'],
  [/HeadlessChrome\/(\d+)/, 'Headless Chrome'],
  [/(?:Chrome|CriOS)\/(\d+)/, 'Chrome'],
  [/Version\/(\d+(?:\.\d+)?).*Safari\//, 'Safari'],
];

function osOf(ua: string): string {
  let m: RegExpExecArray | null;
  if ((m = /(?:iPhone|CPU) OS (\d+)(?:_(\d+))?/.exec(ua))) return `${/iPad/.test(ua) ? 'iPadOS' : 'iOS'} ${m[1]}${m[2] ? `.${m[2]}` : ''}`;
  if ((m = /Android (\d+(?:\.\d+)?)/.exec(ua))) return `Android ${m[1]}`;
  if ((m = /Windows NT (\d+\.\d+)/.exec(ua))) return { '10.0': 'Windows 10/11', '6.3': 'Windows 8.1', '6.2': 'Windows 8', '6.1': 'Windows 7' }[m[1]] ?? `Windows NT ${m[1]}`;
  if (/Mac OS X/.test(ua)) return 'macOS';
  if (/CrOS/.test(ua)) return 'ChromeOS';
  if (/HarmonyOS/.test(ua)) return 'HarmonyOS';
  if (/Linux/.test(ua)) return 'Linux';
  return '';
}

export function summariseDevice(ua: string | null | undefined): DeviceSummary | null {
  if (!ua) return null;
  let browser = '';
  for (const [re, name] of BROWSERS) {
    const m = re.exec(ua);
    if (m) {
      browser = `${name} ${m[1]}`;
      break;
    }
  }
  return { browser, os: osOf(ua), mobile: /Mobile|iPhone|Android|HarmonyOS/.test(ua) && !/iPad/.test(ua) };
}

/** One line: "Chrome 120 · Windows 10/11", or the raw string when nothing is recognised. */
export function deviceLine(ua: string | null | undefined): string {
  const d = summariseDevice(ua);
  if (!d) return '';
  const parts = [d.browser, d.os].filter(Boolean);
  return parts.length ? parts.join(' · ') : ua!;
}

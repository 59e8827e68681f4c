/**
 * "Firefox on Linux" from a User-Agent, simply: the browser and the system people recognise, or
 * undefined when neither is. Order matters: Edge and Chrome also say "Safari", Edge also "Chrome".
 */
const browsers: [RegExp, string][] = [
  [/Edg(e|A|iOS)?\//, 'Edge'],
  [/OPR\//, 'Opera'],
  [/Firefox\/|FxiOS\//, 'Firefox'],
  [/Chrome\/|CriOS\/|Chromium\//, 'Chrome'],
  [/Safari\//, 'Safari'],
];
const systems: [RegExp, string][] = [
  [/iPhone/, 'iPhone'],
  [/iPad/, 'iPad'],
  [/Android/, 'Android'],
  [/Windows/, 'Windows'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/CrOS/, 'ChromeOS'],
  [/Linux/, 'Linux'],
];

export function describeUserAgent(userAgent: string | null): { browser?: string; system?: string } {
  if (!userAgent) return {};
  return { browser: browsers.find(([pattern]) => pattern.test(userAgent))?.[1], system: systems.find(([pattern]) => pattern.test(userAgent))?.[1] };
}

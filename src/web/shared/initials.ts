/** What an avatar shows: the given name of a Chinese name (陈晓雯 → 晓雯), initials otherwise (Li Ming → LM). Bracketed notes are dropped. */
export function initialsOf(name: string): string {
  const bare = name.replace(/[（(][^）)]*[）)]/g, '').trim() || name.trim();
  if (/[\u3400-\u9fff]/.test(bare)) {
    const han = bare.replace(/[^\u3400-\u9fff]/g, '');
    // a personal name's given name (陈晓雯 → 晓雯); a longer title keeps its start (平台管理员 → 平台)
    return han.length <= 4 ? han.slice(-2) : han.slice(0, 2);
  }
  const words = bare.split(/\s+/).filter(Boolean);
  return words
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('');
}

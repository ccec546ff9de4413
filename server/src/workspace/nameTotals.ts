// Running totals per canonical name over every digest of the index: mentions,
// attributed quotes and files. Updated as digests come and go, so a hover asks
// one map instead of visiting 10,000 files.
import { mentionCount, quoteSpeaker, quoteTotal, type FileDigest } from './digest';

export interface Totals {
  mentions: number;
  quotes: number;
  files: number;
}

export class NameTotals {
  private readonly byName = new Map<string, Totals>();

  add(d: FileDigest): void {
    this.apply(d, 1);
  }

  remove(d: FileDigest): void {
    this.apply(d, -1);
  }

  /** The totals of a name (zeros when no digest names it). */
  get(name: string): Totals {
    const t = this.byName.get(name);
    return t ? { ...t } : { mentions: 0, quotes: 0, files: 0 };
  }

  private apply(d: FileDigest, sign: 1 | -1): void {
    // Attributed quotes per speaker in one pass (a speaker is always one of the names).
    const quotesOf = new Map<string, number>();
    for (let q = 0; q < quoteTotal(d); q++) {
      const speaker = quoteSpeaker(d, q);
      if (speaker !== null) quotesOf.set(speaker, (quotesOf.get(speaker) ?? 0) + 1);
    }
    d.names.forEach((name, i) => {
      const mentions = mentionCount(d, i);
      const quotes = quotesOf.get(name) ?? 0;
      if (!mentions && !quotes) return;
      let t = this.byName.get(name);
      if (!t) this.byName.set(name, (t = { mentions: 0, quotes: 0, files: 0 }));
      t.mentions += sign * mentions;
      t.quotes += sign * quotes;
      t.files += sign;
      if (t.files === 0) this.byName.delete(name);
    });
  }
}

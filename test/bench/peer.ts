// The peer: a general-purpose NLP pipeline doing the same jobs as analyze() —
// quotes (compromise's quotations), people, places, organisations (compromise)
// and dates resolved against the publication date (chrono-node). Dev-only
// packages, loaded here and nowhere else.
import { timeRuns } from './analysis';
import { round, summarize, type Summary } from './stats';

type Nlp = (text: string) => {
  quotations(): { out(f: 'offset'): unknown[] };
  people(): { out(f: 'offset'): unknown[] };
  places(): { out(f: 'offset'): unknown[] };
  organizations(): { out(f: 'offset'): unknown[] };
};
type Chrono = { parse(text: string, ref: Date): unknown[] };

export interface PeerCounts { quotes: number; people: number; places: number; organizations: number; dates: number }

let loaded: { nlp: Nlp; chrono: Chrono } | null = null;
function load(): { nlp: Nlp; chrono: Chrono } {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (loaded ??= { nlp: require('compromise') as Nlp, chrono: require('chrono-node') as Chrono });
}

/**
 * Runs the peer pipeline over one article, paragraph by paragraph (as analyze()
 * works, and linear in the article's length: whole-text calls to compromise grow
 * faster on long articles, which would flatter our ratio). Offsets are asked for,
 * as an editor needs them.
 */
export function peerAnalyze(text: string): PeerCounts {
  const { nlp, chrono } = load();
  const m = /^\s*date\s+(\d{4}-\d{2}-\d{2})/.exec(text);
  const ref = m ? new Date(`${m[1]}T12:00:00Z`) : new Date();
  const counts: PeerCounts = { quotes: 0, people: 0, places: 0, organizations: 0, dates: 0 };
  for (const paragraph of text.split(/\n[ \t]*\n/)) {
    if (!paragraph.trim()) continue;
    const doc = nlp(paragraph);
    counts.quotes += doc.quotations().out('offset').length;
    counts.people += doc.people().out('offset').length;
    counts.places += doc.places().out('offset').length;
    counts.organizations += doc.organizations().out('offset').length;
    counts.dates += chrono.parse(paragraph, ref).length;
  }
  return counts;
}

export interface PeerSizeResult {
  label: string;
  bytes: number;
  ms: Summary;
  mbPerSec: Summary;
  mbPerCpuSec: Summary;
  found: PeerCounts;
}

export function benchPeer(articles: Map<string, string>, runs: (bytes: number) => number, maxBytes: number): { sizes: PeerSizeResult[]; skipped: string[] } {
  peerAnalyze([...articles.values()][0].slice(0, 5000)); // load + JIT warm-up
  const sizes: PeerSizeResult[] = [];
  const skipped: string[] = [];
  for (const [label, text] of articles) {
    const bytes = Buffer.byteLength(text);
    if (bytes > maxBytes) {
      skipped.push(label);
      continue;
    }
    const { wall, cpu } = timeRuns(() => peerAnalyze(text), runs(bytes), 0, 60_000);
    sizes.push({
      label, bytes,
      ms: summarize(wall.map((x) => round(x, 2))),
      mbPerSec: summarize(wall.map((x) => round(bytes / 1e6 / (x / 1000), 4))),
      mbPerCpuSec: summarize(cpu.map((x) => round(bytes / 1e6 / (x / 1000), 4))),
      found: peerAnalyze(text),
    });
  }
  return { sizes, skipped };
}

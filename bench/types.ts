/** One measured figure; where a baseline was measured in the same run, ratio = value / baseline. */
export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  baseline?: { name: string; value: number };
  ratio?: number;
  /** The target in words, e.g. "≤ 2× raw" or "> 100k/s". */
  target?: string;
  pass?: boolean;
}

export interface BenchSection {
  title: string;
  rows: BenchRow[];
}

/** A benchmark module: bench/index.ts runs each in turn. `quick` shrinks the workload for a smoke run. */
export type BenchRun = (opts: { quick: boolean }) => Promise<BenchSection>;

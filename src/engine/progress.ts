/** How far a run has got: files read, sheets recognised and typed, rules judged. */
export interface Progress {
  stage: 'read' | 'recognise' | 'evaluate';
  done: number;
  total: number;
  /** What is being worked on now: a file name or a rule id. */
  item: string;
}

export type OnProgress = (progress: Progress) => void;

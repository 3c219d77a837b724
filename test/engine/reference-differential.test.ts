// The compiled conditions give json-rules-engine's answers: every shipped rule's cases are judged
// by the compiled closures and, fact for fact, by json-rules-engine itself.
import { describe, it } from 'vitest';
import { loadPack } from '../../src/node/load-pack.js';
import { expectJudgedAsJsonRulesEngine } from '../helpers/pack-checks.js';

const pack = loadPack();
const judgedRowByRow = pack.cases.filter((set) => !pack.rules.find((r) => r.id === set.rule)!.each);

describe.each(judgedRowByRow.map((set) => [set.rule, set] as const))('%s', (ruleId, set) => {
  const def = pack.rules.find((r) => r.id === ruleId)!;
  it('json-rules-engine agrees on every judged row of every case', async () => {
    for (const c of set.cases) await expectJudgedAsJsonRulesEngine(pack, def, c);
  });
});

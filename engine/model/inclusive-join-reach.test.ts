import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { feelExpressionLanguage } from '../feel/index.js';
import { timeLanguage } from '../time/index.js';
import { parseResources } from './parse-resource.js';

describe('inclusive join reach', () => {
  it('lists the elements of the scope from which a token can still reach the join', async () => {
    // given a dispatch where a boundary event, a subprocess and a retry loop lead to the merge
    const name = 'inclusive-join-reach.bpmn';
    const content = readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
    // when it is parsed
    const [resource] = await parseResources(
      [{ name, content }],
      feelExpressionLanguage,
      timeLanguage,
    );
    const reach = resource!.processes[0]!.process.inclusiveJoinReach.get('Merge');
    // then the host of the boundary event, the subprocess (not its inside) and the loop count,
    // while branches that end elsewhere and the merge itself do not
    expect([...(reach ?? [])].sort()).toEqual([
      'AwaitPickup',
      'BookCourier',
      'CourierOk',
      'Customs',
      'ParcelReady',
      'PickupLate',
      'Split',
    ]);
  });
});

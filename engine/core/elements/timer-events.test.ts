import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openHarness, type Harness } from '../../testing/engine-harness.js';

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url);
const HOUR = 3600_000;

describe('timers', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await openHarness();
    await h.deploy(
      fixture('timer-catch-event.bpmn'),
      fixture('timer-boundary-cycle.bpmn'),
      fixture('event-based-gateway.bpmn'),
    );
  });
  afterEach(() => h.close());

  it('waits at an intermediate timer for a duration taken from a variable', async () => {
    // given an instance waiting PT1H
    const { processInstanceKey: key } = await h.engine.createProcessInstance({
      bpmnProcessId: 'cool-down',
      variables: { waitFor: 'PT1H' },
    });
    // when 59 minutes pass, it still waits; at one hour it continues
    await h.advance(59 * 60_000);
    expect(h.elements(key, 'ACTIVE')).toEqual(['WaitOneHour']);
    await h.advance(60_000);
    expect(h.instanceState(key)).toBe('COMPLETED');
  });

  it('raises an incident when the timer expression is not a duration', async () => {
    const { processInstanceKey: key } = await h.engine.createProcessInstance({
      bpmnProcessId: 'cool-down',
      variables: { waitFor: 'soon' },
    });
    expect(h.incidents(key)[0]).toMatchObject({
      errorType: 'EXTRACT_VALUE_ERROR',
      elementId: 'WaitOneHour',
    });
  });

  it('fires a non-interrupting cycle boundary timer R3/PT1H three times while the task stays active', async () => {
    // given a report being written
    const { processInstanceKey: key } = await h.engine.createProcessInstance({
      bpmnProcessId: 'report-reminders',
    });
    // when five hours pass
    for (let i = 0; i < 5; i++) await h.advance(HOUR);
    // then exactly three reminders were sent and the task is still active
    expect(h.elements(key, 'COMPLETED').filter((id) => id === 'ReminderSent')).toHaveLength(3);
    expect(h.elements(key, 'ACTIVE')).toEqual(['WriteReport']);
  });

  it('cancels the boundary timer when the task completes', async () => {
    const { processInstanceKey: key } = await h.engine.createProcessInstance({
      bpmnProcessId: 'report-reminders',
    });
    const [job] = await h.engine.activateJobs({
      type: 'write-report',
      worker: 'w',
      timeout: HOUR * 10,
      maxJobsToActivate: 1,
    });
    await h.engine.completeJob({ jobKey: job!.key });
    await h.advance(HOUR * 2);
    expect(h.elements(key, 'COMPLETED')).not.toContain('ReminderSent');
    expect(
      h.engine
        .records()
        .filter((r) => r.valueType === 'TIMER')
        .map((r) => r.intent),
    ).toEqual(['CREATED', 'CANCELED']);
  });

  it('event-based gateway: the first event wins and the other subscription is closed', async () => {
    // given two quotes waiting for acceptance or seven days
    const accepted = (
      await h.engine.createProcessInstance({ bpmnProcessId: 'quote', variables: { quoteId: 'q1' } })
    ).processInstanceKey;
    const expired = (
      await h.engine.createProcessInstance({ bpmnProcessId: 'quote', variables: { quoteId: 'q2' } })
    ).processInstanceKey;
    // when q1 is accepted with a variable, and seven days pass
    await h.engine.publishMessage({
      name: 'quote-accepted',
      correlationKey: 'q1',
      variables: { acceptedBy: 'eve' },
    });
    await h.advance(7 * 24 * HOUR);
    // then each took its own path exactly once
    expect(h.elements(accepted)).toEqual([
      'QuoteSent',
      'AwaitAnswer',
      'QuoteAccepted',
      'OrderBooked',
    ]);
    expect(h.variables(accepted)).toMatchObject({ acceptedBy: 'eve' });
    expect(h.elements(expired)).toEqual([
      'QuoteSent',
      'AwaitAnswer',
      'SevenDaysPassed',
      'QuoteExpired',
    ]);
  });
});

describe('timer start event', () => {
  it('starts an instance per firing of its cycle, and the new version replaces the old timer', async () => {
    const h = await openHarness();
    try {
      // given a process started every 12 hours, twice
      await h.deploy(fixture('timer-start-event.bpmn'));
      // when 36 hours pass
      for (let i = 0; i < 3; i++) await h.advance(12 * HOUR);
      // then it ran exactly twice
      const instances = h.engine.search.processInstances({
        filter: { processDefinitionId: 'nightly-export' },
      });
      expect(instances.page.totalItems).toBe(2);
      expect(instances.items.every((i) => i.state === 'COMPLETED')).toBe(true);
    } finally {
      await h.close();
    }
  });
});

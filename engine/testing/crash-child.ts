/**
 * A child process for the crash test: opens the engine on the file given as argument, starts
 * one process instance per line read from stdin (the line is the order id), and prints
 * `ack <orderId> <processInstanceKey>` once the engine has answered, i.e. committed.
 */
import { createInterface } from 'node:readline';
import { Engine } from '../index.js';

const file = process.argv[2];
if (!file) throw new Error('usage: crash-child <sqlite file>');
const engine = await Engine.open({ file });
engine.start();
process.stdout.write('ready\n');
for await (const line of createInterface({ input: process.stdin })) {
  const orderId = line.trim();
  if (!orderId) continue;
  void engine
    .createProcessInstance({
      bpmnProcessId: 'order-payment',
      variables: { order: { id: orderId, total: 1 } },
    })
    .then((created) => {
      process.stdout.write(`ack ${orderId} ${created.processInstanceKey}\n`);
    });
}

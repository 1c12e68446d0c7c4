import { createLogger } from '@shop/logger';
import { IntervalTask, startTasks, type BackgroundTask } from '../src';

const logger = createLogger('lifecycle-test', 'silent');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('IntervalTask', () => {
  it('never overlaps passes and keeps going after a failed one', async () => {
    let running = 0;
    let overlapped = false;
    let passes = 0;
    const task = new IntervalTask(
      'test',
      5,
      async () => {
        running += 1;
        overlapped ||= running > 1;
        passes += 1;
        await sleep(20);
        running -= 1;
        if (passes === 1) throw new Error('first pass fails');
      },
      logger,
    );
    task.start();
    await sleep(120);
    await task.stop();
    expect(overlapped).toBe(false);
    expect(passes).toBeGreaterThanOrEqual(3);
  });

  it('stop waits for the pass in progress and schedules nothing after it', async () => {
    let finished = 0;
    let started = 0;
    const task = new IntervalTask(
      'test',
      1,
      async () => {
        started += 1;
        await sleep(30);
        finished += 1;
      },
      logger,
    );
    task.start();
    await sleep(10);
    await task.stop();
    expect(finished).toBe(started);
    await sleep(20);
    expect(started).toBe(finished);
  });
});

describe('startTasks', () => {
  it('starts in order and stops in reverse order', async () => {
    const events: string[] = [];
    const task = (name: string): BackgroundTask => ({
      name,
      start: () => void events.push(`start ${name}`),
      stop: async () => void events.push(`stop ${name}`),
    });
    const stop = startTasks([task('a'), task('b')]);
    await stop();
    expect(events).toEqual(['start a', 'start b', 'stop b', 'stop a']);
  });
});

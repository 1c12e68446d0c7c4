export { startTasks, type BackgroundTask } from './background-task';
export { IntervalTask } from './interval-task';
export { runUntilSignal } from './run-until-signal';

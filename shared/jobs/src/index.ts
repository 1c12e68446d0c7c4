export { createQueue, defaultJobOptions, type QueueConnection } from './queue';
export { eventQueueName, type EventJob } from './event-queue';

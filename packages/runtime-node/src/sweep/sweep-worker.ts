// Entry of a sweep worker thread (tinypool calls the default export once per task).
import { runSweepTask } from './run-sweep-task.js';

export default runSweepTask;

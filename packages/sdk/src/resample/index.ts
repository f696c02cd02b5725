export { BarResampler, type ResampleOptions, type ResampleSink } from './bar-resampler.js';
export { resample, type ResampleUpdate } from './resample.js';
export { resampleBars } from './resample-bars.js';
export { NSE_NORMAL_SESSION, type SessionWindow } from './session-window.js';
export { OutOfOrderBarError, ResampleConfigError } from './errors.js';

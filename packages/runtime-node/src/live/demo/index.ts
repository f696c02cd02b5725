export { startDemoMarket, type DemoMarket } from './start-demo-market.js';

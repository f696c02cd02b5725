export { RateLimiter } from './rate-limiter.js';
export { HttpClient, unavailable, type HttpRequest, type HttpResponse } from './http-client.js';
export {
  ReconnectingSocket,
  type ReconnectingSocketOptions,
  type SocketFrame,
} from './reconnecting-socket.js';

import { z } from 'zod';
import { KiteTimestampSchema } from './kite-time.js';

/** `data` of `POST /session/token` (KMK `generate_session.json`). */
export const KiteSessionSchema = z.object({
  user_id: z.string().min(1),
  user_name: z.string().optional(),
  user_type: z.string().optional(),
  broker: z.string().optional(),
  api_key: z.string().min(1),
  access_token: z.string().min(1),
  public_token: z.string().optional(),
  refresh_token: z.string().optional(),
  exchanges: z.array(z.string()).optional(),
  products: z.array(z.string()).optional(),
  order_types: z.array(z.string()).optional(),
  login_time: KiteTimestampSchema,
});
export type KiteSession = z.output<typeof KiteSessionSchema>;

/** `data` of `GET /user/profile` (KMK `profile.json`, `full_profile.json`). */
export const KiteProfileSchema = z.object({
  user_id: z.string().min(1),
  user_name: z.string().optional(),
  email: z.string().optional(),
  broker: z.string().optional(),
  exchanges: z.array(z.string()).optional(),
  products: z.array(z.string()).optional(),
  order_types: z.array(z.string()).optional(),
});
export type KiteProfile = z.output<typeof KiteProfileSchema>;

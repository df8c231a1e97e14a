import { z } from 'zod';

/** Every error response from the server has this shape, so the client can show `message` as is. */
export const errorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
export type ErrorResponse = z.infer<typeof errorResponse>;

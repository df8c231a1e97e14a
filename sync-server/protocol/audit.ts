import { z } from 'zod';
import { PROTOCOL_VERSION } from './version.ts';

// GET /api/interviewer/audit (admins only): the organisation's audit log, newest first, a page at a time.

export const auditEntry = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.object({
    type: z.enum(['user', 'device', 'system', 'anonymous']),
    id: z.string().nullable(),
    label: z.string().nullable(),
  }),
  action: z.string(),
  target: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
  ip: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntry>;

export const MAX_AUDIT_PAGE = 200;

export const auditQuery = z.object({
  /** An exact action (user.disabled) or an area (user). */
  action: z
    .string()
    .regex(/^[a-z_]+(\.[a-z_]+)*$/, 'Name an action such as user.disabled, or an area such as sign_in.')
    .max(64)
    .optional(),
  /** The `next` of the previous page. */
  before: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_AUDIT_PAGE).default(50),
});

export const auditPage = z.object({
  v: z.literal(PROTOCOL_VERSION),
  entries: z.array(auditEntry),
  /** Pass as `before` for the next, older page; null on the last page. */
  next: z.string().nullable(),
});
export type AuditPage = z.infer<typeof auditPage>;

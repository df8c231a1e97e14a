import { z } from 'zod';
import { interviewTemplate } from './interview-template.ts';

// Assigning a template: to one device of the organisation, or to every device joined to it at that
// moment (each gets its own assignment, so each is applied and started once). Devices that join later
// are not included: assign again to reach them.

export const assignmentTarget = z.discriminatedUnion('type', [
  z.object({ type: z.literal('device'), deviceId: z.string().min(1).max(80) }),
  z.object({ type: z.literal('org') }),
]);
export type AssignmentTarget = z.infer<typeof assignmentTarget>;

export const assignTemplateRequest = z.object({ v: z.literal(1), target: assignmentTarget });
export type AssignTemplateRequest = z.infer<typeof assignTemplateRequest>;

/** What reaches the device: the template as it was when assigned. */
export const templateAssignment = z.object({
  id: z.string(),
  orgName: z.string(),
  assignedBy: z.string(),
  assignedAt: z.string(),
  template: interviewTemplate,
});
export type TemplateAssignment = z.infer<typeof templateAssignment>;

export const assignTemplateResponse = z.object({
  v: z.literal(1),
  assignments: z.array(z.object({ id: z.string(), deviceId: z.string(), candidateName: z.string() })),
});
export type AssignTemplateResponse = z.infer<typeof assignTemplateResponse>;

/** The organisation's devices, to pick whom to assign to. */
export const orgDeviceList = z.object({
  v: z.literal(1),
  devices: z.array(z.object({ id: z.string(), candidateName: z.string(), joinedAt: z.string(), lastSeenAt: z.string().nullable() })),
});
export type OrgDeviceList = z.infer<typeof orgDeviceList>;

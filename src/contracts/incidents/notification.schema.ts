import Type from 'typebox';
import { NotificationKindSchema, Nullable } from './incident-parts.schema';

// Notifications of an incident (items 49, 51, 52, 60): rendered texts to send, and the record that one was sent.

/** One vendor notification: one per manufacturer of the affected devices. */
export const VendorNotificationSchema = Type.Object({
  manufacturer: Type.String(),
  recipient: Nullable(Type.String({ description: "the vendor's contact from the provider records, when known" })),
  subject: Type.String(),
  body: Type.String(),
  deviceIds: Type.Array(Type.Integer()),
});
export const VendorNotificationListSchema = Type.Object({ notifications: Type.Array(VendorNotificationSchema) });

/** GET /api/incidents/:id/notifications: everything to send, from the incident and its system's playbook. */
export const NotificationSetSchema = Type.Object({
  vendor: Type.Array(VendorNotificationSchema),
  firstReport: Type.Object({ subject: Type.String(), body: Type.String() }),
  checklists: Type.Array(
    Type.Object({
      kind: Type.Enum(['regulator', 'customer', 'ipa_jpcert']),
      items: Type.Array(Type.String()),
      sentAt: Nullable(Type.String({ description: 'when a notification of this kind was last recorded as sent' })),
    }),
  ),
  playbookId: Nullable(Type.String()),
});

/** POST /api/incidents/:id/notifications: record that a notification was sent (a timeline entry with its hash). */
export const NotificationRecordSchema = Type.Object(
  {
    kind: NotificationKindSchema,
    manufacturer: Type.Optional(Type.String({ maxLength: 200 })),
    recipient: Type.Optional(Type.String({ maxLength: 500 })),
    subject: Type.String({ minLength: 1, maxLength: 500 }),
    body: Type.String({ minLength: 1, maxLength: 50000 }),
  },
  { additionalProperties: false },
);

export type VendorNotificationView = Type.Static<typeof VendorNotificationSchema>;
export type NotificationSetView = Type.Static<typeof NotificationSetSchema>;
export type NotificationRecordBody = Type.Static<typeof NotificationRecordSchema>;

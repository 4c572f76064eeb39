/** Runs the mailer contract against the in-memory mailer the job tests use. */
import { createMemoryMailer } from "../../../shared/adapters/mailer.memory.js";
import { type MailerFactory, describeMailer, fromOutgoing } from "../../support/describe-mailer.js";

const factory: MailerFactory = Object.assign(
  async ({ reject }: { reject: string[] }) => {
    const mailer = createMemoryMailer({ reject });
    return { mailer, delivered: async () => mailer.sent.map(fromOutgoing), close: async () => {} };
  },
  { canReject: true },
);

describeMailer("memory mailer", factory);

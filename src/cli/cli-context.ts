import type { AppConfig } from '../config/config';
import type { CliLanguage, CliMessages } from './messages';
import type { RemoteClient } from './remote-client';

/** What every command gets: messages in the user's language, output streams, and config on demand. */
export interface CliContext {
  readonly messages: CliMessages;
  readonly language: CliLanguage;
  /** Writes one human-readable line; control and bidi characters are stripped (see program.ts). */
  readonly out: (line: string) => void;
  /** Writes a value as indented JSON, exact (--json output), bypassing the terminal clean-up. */
  readonly json: (value: unknown) => void;
  /** Writes text as is (exports), without adding a newline. */
  readonly write: (text: string) => void;
  /** Writes one human-readable line to standard error, cleaned like `out`. */
  readonly err: (line: string) => void;
  /** Parses the environment on first use; exits listing every problem when it is invalid. */
  readonly config: () => AppConfig;
  /** The server named by --server (with --token-file or IOTCHECK_TOKEN), or undefined to work locally. */
  readonly remote: () => RemoteClient | undefined;
  /** Refuses a command that only works on the server machine when --server is given. */
  readonly requireLocal: () => void;
}

/** What the server reports once it listens: its address, and whether first-run setup is still due. */
export interface ServerStarted {
  readonly url: string;
  readonly needsFirstOwner: boolean;
}

/**
 * Starts the server and calls `started` once it listens; supplied by the composition root so the
 * CLI never imports the server.
 */
export type ServeCommand = (config: AppConfig, started: (server: ServerStarted) => void) => Promise<void>;

/** The `actionlog` command: parses arguments, runs one use case, reports, sets the exit code. */
import { parseArgs } from "node:util";
import { isActionlogError } from "../shared/core/errors.js";
import { hideUrlCredentials } from "../shared/core/url-credentials.js";
import { COMMANDS, type CommandName, USAGE } from "./actionlog-commands.js";

/** Exit codes: 0 done and clean, 1 done with problems, 2 bad usage or unreadable workbook. */
export async function main(argv: string[], io: { out: (text: string) => void; err: (text: string) => void }): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.out(USAGE);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name as CommandName];
  if (!command) {
    // "import" for import-minutes, "roll" for rollover: a command the name starts is what was meant.
    const meant = Object.keys(COMMANDS).filter((known) => name.length >= 3 && known.startsWith(name.toLowerCase()));
    const hint = meant.length === 1 ? `did you mean actionlog ${meant[0]}? ` : "";
    const message = `unknown command "${name}"; ${hint}run actionlog --help to see the commands`;
    io.err(`actionlog: ${message}`);
    if (rest.includes("--json")) io.out(JSON.stringify({ error: message, code: "USAGE" }, null, 2));
    return 2;
  }
  try {
    const { values, positionals } = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true });
    if (values.help) {
      io.out(USAGE);
      return 0;
    }
    return await command.run(values as Record<string, string | boolean | undefined>, positionals, io);
  } catch (error) {
    io.err(`actionlog ${name}: ${describe(error)}`);
    // A script reading --json output gets the failure as JSON too, rather than an empty stdout.
    if (rest.includes("--json")) io.out(JSON.stringify({ error: describe(error), code: isActionlogError(error) ? error.code : "ERROR" }, null, 2));
    return 2;
  }
}

/** The one line an error becomes on stderr and in --json; a URL's credentials never reach either. */
const describe = (error: unknown): string => hideUrlCredentials(describeError(error));

function describeError(error: unknown): string {
  if (isActionlogError(error)) return error.message;
  if (error instanceof Error && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS")) {
    return `${error.message}; run actionlog --help for usage`;
  }
  return error instanceof Error ? error.message : String(error);
}

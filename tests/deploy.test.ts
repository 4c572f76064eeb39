import { execFile, execFileSync } from "node:child_process";
import { chmod, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "./support/cli.js";

const SCRIPT = join(import.meta.dirname, "../deploy.sh");
const run = promisify(execFile);

const hasShellcheck = (() => {
  try {
    execFileSync("shellcheck", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

/** A PATH whose gcloud, npm and openssl only record that they were called: a dry run must call none. */
let fakeBin: string;
let calls: string;
beforeAll(async () => {
  fakeBin = await tempDir();
  calls = join(fakeBin, "calls.log");
  for (const tool of ["gcloud", "npm", "openssl"]) {
    await writeFile(join(fakeBin, tool), `#!/bin/sh\necho "${tool} $*" >> "${calls}"\n`);
    await chmod(join(fakeBin, tool), 0o755);
  }
});

const deploy = (args: string[], env: Record<string, string> = {}) => {
  const base = Object.fromEntries(Object.entries(process.env).filter(([key]) => !["GOOGLE_CLOUD_PROJECT", "ACTIONLOG_SHEETS", "ACTIONLOG_REGION"].includes(key)));
  return run("bash", [SCRIPT, ...args], { env: { ...base, PATH: `${fakeBin}:${process.env.PATH ?? ""}`, ...env } }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
};

const recorded = () => readFile(calls, "utf8").catch(() => "");
const commands = (stdout: string) => stdout.split("\n").filter((line) => line.startsWith("+ ")).map((line) => line.slice(2));

describe("deploy.sh", () => {
  it("--dry-run prints every command, builds and type-checks first, and runs nothing", async () => {
    const result = await deploy(["--dry-run", "--project", "demo-project", "--sheets", "sheetAAAAAAAAAAAA,sheetBBBBBBBBBBBB"]);
    expect(result.code).toBe(0);
    expect(await recorded()).toBe("");
    const lines = commands(result.stdout);
    expect(lines.slice(0, 2)).toEqual(["npm run check", "npm run build"]);
    const common =
      "--gen2 --runtime=nodejs22 --region=europe-west2 --project=demo-project --source=. --service-account=actionlog-runtime@demo-project.iam.gserviceaccount.com " +
      "--set-secrets=ACTIONLOG_WEBHOOK_SECRET=actionlog-webhook-secret:latest,ACTIONLOG_SMTP_URL=actionlog-smtp-url:latest '--set-env-vars=^@^ACTIONLOG_SHEETS=sheetAAAAAAAAAAAA,sheetBBBBBBBBBBBB'";
    expect(lines).toEqual(
      expect.arrayContaining([
        "gcloud iam service-accounts create actionlog-runtime --project=demo-project '--display-name=actionlog functions (share each committee sheet with this account as an Editor)'",
        "openssl rand -hex 32 | tr -d '\\n' | gcloud secrets create actionlog-webhook-secret --project=demo-project --replication-policy=automatic --data-file=-",
        "gcloud secrets add-iam-policy-binding actionlog-webhook-secret --project=demo-project --member=serviceAccount:actionlog-runtime@demo-project.iam.gserviceaccount.com --role=roles/secretmanager.secretAccessor",
        "gcloud pubsub topics create actionlog-sweep --project=demo-project",
        "gcloud pubsub topics create actionlog-rollover --project=demo-project",
        "gcloud pubsub topics create actionlog-digest --project=demo-project",
        "gcloud secrets add-iam-policy-binding actionlog-smtp-url --project=demo-project --member=serviceAccount:actionlog-runtime@demo-project.iam.gserviceaccount.com --role=roles/secretmanager.secretAccessor",
        `gcloud functions deploy previewDigest ${common} --entry-point=previewDigest --trigger-http --allow-unauthenticated --memory=512Mi --cpu=1 --concurrency=20 --max-instances=1 --timeout=120s`,
        `gcloud functions deploy weeklyDigest ${common} --entry-point=weeklyDigest --trigger-topic=actionlog-digest --trigger-service-account=actionlog-runtime@demo-project.iam.gserviceaccount.com --memory=512Mi --max-instances=1 --timeout=540s`,
        "gcloud scheduler jobs create pubsub actionlog-digest --location=europe-west2 --project=demo-project '--schedule=0 8 * * *' --time-zone=Europe/London --topic=actionlog-digest --message-body=actionlog-digest",
        `gcloud functions deploy onSheetEdit ${common} --entry-point=onSheetEdit --trigger-http --allow-unauthenticated --memory=512Mi --cpu=1 --concurrency=20 --max-instances=1 --timeout=120s`,
        `gcloud functions deploy generateRegister ${common} --entry-point=generateRegister --trigger-http --allow-unauthenticated --memory=512Mi --cpu=1 --concurrency=20 --max-instances=1 --timeout=120s`,
        `gcloud functions deploy sweep ${common} --entry-point=sweep --trigger-topic=actionlog-sweep --trigger-service-account=actionlog-runtime@demo-project.iam.gserviceaccount.com --memory=512Mi --max-instances=1 --timeout=540s`,
        `gcloud functions deploy rollover ${common} --entry-point=rollover --trigger-topic=actionlog-rollover --trigger-service-account=actionlog-runtime@demo-project.iam.gserviceaccount.com --memory=512Mi --max-instances=1 --timeout=540s`,
        "gcloud scheduler jobs create pubsub actionlog-sweep --location=europe-west2 --project=demo-project '--schedule=*/15 8-17 * * 1-5' --time-zone=Europe/London --topic=actionlog-sweep --message-body=actionlog-sweep",
        "gcloud scheduler jobs create pubsub actionlog-rollover --location=europe-west2 --project=demo-project '--schedule=0 7 * * *' --time-zone=Europe/London --topic=actionlog-rollover --message-body=actionlog-rollover",
      ]),
    );
    const firstDeploy = lines.findIndex((line) => line.startsWith("gcloud functions deploy"));
    expect(firstDeploy).toBeGreaterThan(1);
    expect(result.stdout).toContain("ACTIONLOG_URL    = https://europe-west2-demo-project.cloudfunctions.net");
  });

  it("schedules weeklyDigest at --digest-time London time, and refuses a time that is not HH:MM", async () => {
    const ok = await deploy(["--dry-run", "--project", "demo-project", "--sheets", "sheetAAAAAAAAAAAA", "--digest-time", "07:30"]);
    expect(ok.stdout).toContain("'--schedule=30 7 * * *' --time-zone=Europe/London --topic=actionlog-digest");
    const bad = await deploy(["--dry-run", "--project", "demo-project", "--sheets", "sheetAAAAAAAAAAAA", "--digest-time", "7am"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--digest-time "7am" is not a 24-hour time such as 08:00');
    expect(await recorded()).toBe("");
  });

  it("takes the project and sheets from the environment, and --region over the default", async () => {
    const result = await deploy(["--dry-run", "--region=europe-west1"], { GOOGLE_CLOUD_PROJECT: "env-project", ACTIONLOG_SHEETS: "sheetCCCCCCCCCCCC" });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("gcloud functions deploy sweep --gen2 --runtime=nodejs22 --region=europe-west1 --project=env-project");
    expect(result.stdout).toContain("ACTIONLOG_SHEETS=sheetCCCCCCCCCCCC'");
    expect(await recorded()).toBe("");
  });

  it("lists every missing input in one error, exits 2, and runs nothing", async () => {
    const result = await deploy(["--dry-run"]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("deploy.sh: cannot deploy:");
    expect(result.stderr).toContain("missing the project: --project ID or GOOGLE_CLOUD_PROJECT");
    expect(result.stderr).toContain("missing the sheets: --sheets ID[,ID...] or ACTIONLOG_SHEETS");
    expect(await recorded()).toBe("");
  });

  it.each([
    [["--project", "Demo Project", "--sheets", "sheetAAAAAAAAAAAA"], '--project "Demo Project" is not a project id'],
    [["--project", "demo-project", "--sheets", "https://docs.google.com/spreadsheets/d/abc/edit"], "is not a comma-separated list of spreadsheet ids"],
    [["--project", "demo-project", "--sheets", "sheetAAAAAAAAAAAA", "--zone", "x"], "unknown option --zone"],
    [["--project", "--sheets", "sheetAAAAAAAAAAAA"], "--project needs a value"],
  ])("refuses %j", async (args, message) => {
    const result = await deploy(["--dry-run", ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it("stops when the SMTP secret is missing and says how to add it without the password on any command line", async () => {
    const bin = await tempDir();
    // gcloud answers every call but the SMTP secret's describe, as when the PMO has not added it yet.
    await writeFile(join(bin, "gcloud"), '#!/bin/sh\ncase "$*" in *"secrets describe actionlog-smtp-url"*) exit 1;; esac\nexit 0\n');
    for (const tool of ["gcloud", "npm", "openssl"]) {
      if (tool !== "gcloud") await writeFile(join(bin, tool), "#!/bin/sh\nexit 0\n");
      await chmod(join(bin, tool), 0o755);
    }
    const result = await deploy(["--project", "demo-project", "--sheets", "sheetAAAAAAAAAAAA"], { PATH: `${bin}:${process.env.PATH ?? ""}` });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("the SMTP URL secret actionlog-smtp-url is missing");
    const advice = result.stderr.split("\n").find((line) => line.includes("gcloud secrets create actionlog-smtp-url")) ?? "";
    expect(advice).toContain("read -rsp 'SMTP URL: ' url && printf '%s' \"$url\" | gcloud secrets create actionlog-smtp-url --project=demo-project --data-file=-");
    expect(advice).not.toMatch(/smtps?:\/\/[^ ]*:[^ ]*@/);
  });

  it("--help prints the usage and exits 0", async () => {
    const result = await deploy(["--help"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Usage: ./deploy.sh [--project ID] [--region REGION] [--sheets ID[,ID...]] [--digest-time HH:MM] [--dry-run] [--help]");
    expect(result.stdout).not.toContain("digest_time");
  });

  it("starts with set -euo pipefail", async () => {
    expect((await readFile(SCRIPT, "utf8")).split("\n").slice(0, 4)).toContain("set -euo pipefail");
  });

  if (!hasShellcheck) console.warn("deploy.sh shellcheck test skipped: shellcheck is not installed (.ci/run installs it)");
  it.skipIf(!hasShellcheck)("is shellcheck-clean", async () => {
    const result = await run("shellcheck", [SCRIPT]).then(
      () => ({ code: 0, stdout: "" }),
      (error: { code: number; stdout: string }) => error,
    );
    expect(result.stdout).toBe("");
    expect(result.code).toBe(0);
  });
});

